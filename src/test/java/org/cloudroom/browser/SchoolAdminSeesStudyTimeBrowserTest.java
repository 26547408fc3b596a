package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;

import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.gateway.ActiveMinuteRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;

/**
 * A school admin opens the study time of their school: the figures, a chart of the last 30 days and each class,
 * then one class with each student, then one student by week; the operator sees the school in the program's. Takes the README's screenshot ({@code study-time-zh-CN.png}). A database of
 * its own keeps other tests' schools out of the picture.
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:study-time;DB_CLOSE_DELAY=-1")
class SchoolAdminSeesStudyTimeBrowserTest {

	private static final Path TO = Path.of(System.getProperty("cloudroom.screenshots", "target/screenshots/readme"));

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void seesTheSchoolsStudyHoursChartAndEachClass() {
		var school = OpenSchool.named(program, "希望小学", "hope-admin", 200)
			.withClass(peopleImport, ClassList.of("g5c1-", "五年级一班", 20))
			.withClass(peopleImport, ClassList.of("g5c2-", "五年级二班", 20));
		// School days of the last four weeks, 10:00 in Beijing; each student between 10 and 40 minutes a day.
		var random = new Random(6);
		var zone = ZoneId.of("Asia/Shanghai");
		var today = LocalDate.now(zone);
		for (var prefix : new String[] { "g5c1-", "g5c2-" }) {
			for (int s = 1; s <= 20; s++) {
				var student = people.findByUsername(prefix + "%02d".formatted(s)).orElseThrow();
				for (var day = today.minusDays(27); !day.isAfter(today); day = day.plusDays(1)) {
					if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
							|| random.nextInt(10) == 0) {
						continue;
					}
					var start = day.atTime(LocalTime.of(10, 0)).atZone(zone).toOffsetDateTime();
					int minutes = 10 + random.nextInt(31);
					for (int m = 0; m < minutes; m++) {
						events.publishEvent(new ActiveMinuteRecorded(student.id(), school.id(), start.plusMinutes(m)));
					}
				}
			}
		}
		browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 1000, "deviceScaleFactor", 1, "mobile", false));

		browser.logIn("hope-admin", school.admin().initialPassword());
		browser.find("#nav-reports").click();
		browser.await(d -> browser.path().equals("/schools/" + school.id() + "/reports"));

		assertThat(browser.find("h1").getText()).isEqualTo("学校学习时长：希望小学");
		var bars = browser.driver().findElements(By.cssSelector("#chart .bars rect"));
		assertThat(bars).hasSize(30);
		assertThat(bars).filteredOn(b -> Double.parseDouble(b.getDomAttribute("height")) > 0).hasSizeGreaterThan(15);
		assertThat(browser.find(".figures").getText()).contains("40\n名学生");
		assertThat(browser.driver().findElements(By.cssSelector("#classes tbody tr"))).extracting(r -> r.getText())
			.anySatisfy(row -> assertThat(row).startsWith("五年级一班 20 "))
			.anySatisfy(row -> assertThat(row).startsWith("五年级二班 20 "));
		assertThat(browser.find("body").getText()).doesNotContain("reports.");
		browser.screenshot(TO.resolve("study-time-zh-CN.png"));

		browser.driver().findElement(By.linkText("五年级二班")).click();
		browser.await(d -> d.findElement(By.id("students")));
		assertThat(browser.find("h1").getText()).isEqualTo("班级学习时长：五年级二班");
		assertThat(browser.driver().findElements(By.cssSelector("#students tbody tr"))).hasSize(20);
		assertThat(browser.find("#csv").getDomAttribute("href")).contains("/reports/study-time.csv?from=");

		browser.find("#students tbody tr a").click();
		browser.await(d -> d.findElement(By.id("weeks")));
		assertThat(browser.find("h1").getText()).startsWith("学习时长：");
		assertThat(browser.driver().findElements(By.cssSelector("#chart .bars rect"))).hasSize(30);
		browser.logOut();

		browser.logIn("admin", "operator-test-password");
		browser.find("#nav-reports").click();
		browser.await(d -> browser.path().equals("/reports/program"));
		assertThat(browser.find("#schools tbody").getText()).startsWith("希望小学 41 40 ");
		assertThat(browser.driver().findElements(By.cssSelector("#chart .bars rect"))).hasSize(30);
	}
}
