package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A teacher opens an assignment with a due time that has passed: the form comes back with the due time marked and
 * said why, in the teacher's language, and with what they typed still in it; no assignment is opened.
 */
@BrowserTest
class TeacherTypesAPastDueTimeBrowserTest {

	/** Yesterday on the schools' clock (cloudroom.time-zone, Beijing time), as a teacher there types it. */
	private static final LocalDateTime YESTERDAY = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1)
		.truncatedTo(ChronoUnit.MINUTES);

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Test
	void aPastDueTimeIsMarkedAndSaidAndWhatWasTypedStays() throws Exception {
		var school = OpenSchool.open(program, "Maple Primary School", 10);
		var list = ClassList.of("五年级五班", 1);
		var csv = list.csv() + "t" + list.students().getFirst().username() + ",Mei,Zhou,teacher,五年级五班,\r\n";
		var teacher = peopleImport.importFile(school.id(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				false).people().getLast();
		browser.logIn(teacher.username(), teacher.initialPassword());
		browser.find("#classes a").click();
		browser.find("#class-hand-in").click();
		browser.find("#new-assignment input[name=title]").sendKeys("古诗作文");
		browser.driver().executeScript("arguments[0].value = arguments[1]",
				browser.find("#new-assignment input[name=due]"), YESTERDAY.toString());
		browser.find("#new-assignment button[type=submit]").click();

		browser.await(d -> d.findElements(By.id("due-problem")).size() == 1);
		var due = browser.find("#new-assignment input[name=due]");
		assertThat(due.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(due.getDomProperty("value")).isEqualTo(YESTERDAY.toString());
		assertThat(browser.find("#due-problem").getText()).isEqualTo("截止时间必须在将来。");
		assertThat(browser.find("#new-assignment input[name=title]").getDomProperty("value")).isEqualTo("古诗作文");
		assertThat(browser.find("#new-assignment input[name=title]").getDomAttribute("aria-invalid")).isEqualTo("false");
		assertThat(browser.driver().findElements(By.cssSelector("#assignments tbody tr"))).isEmpty();
		browser.screenshot(java.nio.file.Path.of("target", "screenshots", "hand-in-due-past.png"));
	}
}
