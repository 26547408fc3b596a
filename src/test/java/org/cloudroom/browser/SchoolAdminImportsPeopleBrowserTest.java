package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserTest
class SchoolAdminImportsPeopleBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	Program program;

	@TempDir
	Path files;

	@Test
	void importsAClassOfThirtyAndPrintsTheirLoginCards() {
		var school = OpenSchool.open(program, "Sunshine Primary School", 100);
		var list = ClassList.of("五年级二班", 30);
		browser.logIn(school.admin().username(), school.admin().initialPassword());
		assertThat(browser.path()).isEqualTo("/schools/" + school.id());

		upload(list.writeTo(files.resolve("五年级二班.csv")));

		var done = browser.await(d -> d.findElement(By.id("import-done")));
		assertThat(done.getText()).contains("30 people created.", "New classes: 五年级二班");
		var created = done.findElements(By.cssSelector("table.credentials tbody tr"));
		assertThat(created).hasSize(30);
		assertThat(created).allSatisfy(row -> assertThat(cells(row).get(3)).matches("[a-z2-9]{8}"));
		assertThat(cells(created.getFirst())).containsExactly(list.students().getFirst().displayName(),
				"五年级二班", list.students().getFirst().username(), cells(created.getFirst()).get(3));
		assertThat(browser.path()).as("the result replaces the form in place").isEqualTo("/schools/" + school.id());

		done.findElement(By.linkText("Go to the classes to print login cards")).click();
		var tile = browser.await(d -> d.findElement(By.xpath("//ul[@id='classes']//a[strong='五年级二班']")));
		assertThat(tile.getText()).contains("30 students");
		assertThat(browser.find(".quota").getText()).contains("31 of 100 accounts used");
		tile.click();
		browser.await(d -> d.getTitle().startsWith("五年级二班"));
		assertThat(browser.driver().findElements(By.cssSelector("#members tbody tr"))).hasSize(30);

		browser.find("#print-cards").click();
		browser.await(d -> d.getTitle().startsWith("Login cards"));
		var cards = PrintedCard.on(browser);
		assertThat(cards).hasSize(30);
		assertThat(cards).extracting(PrintedCard::username)
			.containsExactlyInAnyOrderElementsOf(list.students().stream().map(ClassList.Student::username).toList());
		assertThat(cards).allSatisfy(card -> {
			assertThat(card.className()).isEqualTo("五年级二班");
			assertThat(card.password()).matches("[a-z2-9]{8}");
			assertThat(card.qrText()).startsWith("cloudroom:");
		});
		assertThat(browser.driver().findElements(By.cssSelector(".login-card img.qr")))
			.as("every QR image is shown").allSatisfy(img -> assertThat(img.getDomProperty("naturalWidth")).isNotEqualTo("0"));
		assertThat(browser.driver().findElements(By.cssSelector(".login-card"))).allSatisfy(card -> {
			assertThat(lines(card, ".card-username")).as("the username is on one line").isEqualTo(1);
			assertThat(lines(card, ".card-password")).as("the password is on one line").isEqualTo(1);
			assertThat(card.getDomProperty("scrollHeight")).as("nothing is cut off the card")
				.isEqualTo(card.getDomProperty("clientHeight"));
		});
	}

	@Test
	void aDoubleClickOnImportCreatesTheClassOnceAndShowsTheirPasswords() {
		var school = OpenSchool.open(program, "Hillside Primary School", 100);
		var list = ClassList.of("三年级一班", 30);
		browser.logIn(school.admin().username(), school.admin().initialPassword());

		browser.find("#import input[type=file]").sendKeys(list.writeTo(files.resolve("三年级一班.csv")).toString());
		new Actions(browser.driver()).doubleClick(browser.find("#import button[type=submit]")).perform();

		var done = browser.await(d -> d.findElement(By.id("import-done")));
		assertThat(done.getText()).contains("30 people created.");
		assertThat(done.findElements(By.cssSelector("table.credentials tbody tr")))
			.hasSize(30).allSatisfy(row -> assertThat(cells(row).get(3)).matches("[a-z2-9]{8}"));
		assertThat(browser.driver().findElements(By.id("import-refused"))).isEmpty();
		browser.open("/schools/" + school.id());
		assertThat(browser.find(".quota").getText()).contains("31 of 100 accounts used");
	}

	@Test
	void refusesAFileWithOneBadRowAndCreatesNobody() {
		var school = OpenSchool.open(program, "Riverside Middle School", 100);
		var list = ClassList.of("初一(3)班", 3);
		var bad = list.csv().replace(list.students().get(1).csvRow("初一(3)班"),
				list.students().get(1).csvRow("初一(3)班").replace(",student,", ",pupil,"));
		browser.logIn(school.admin().username(), school.admin().initialPassword());

		upload(ClassList.write(files.resolve("class.csv"), bad));

		var refused = browser.await(d -> d.findElement(By.id("import-refused")));
		assertThat(refused.getText()).contains("1 problem(s) found. Nothing was created");
		var problems = refused.findElements(By.cssSelector("tbody tr"));
		assertThat(problems).hasSize(1);
		assertThat(cells(problems.getFirst())).containsExactly("", "3", "role",
				"Unknown role \"pupil\": use student, teacher or admin.");

		browser.open("/schools/" + school.id());
		assertThat(browser.find(".quota").getText()).contains("1 of 100 accounts used");
		assertThat(browser.driver().findElements(By.cssSelector("#classes li"))).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("#people tbody tr"))).hasSize(1);
	}

	private void upload(Path csv) {
		browser.find("#import input[type=file]").sendKeys(csv.toString());
		browser.find("#import button[type=submit]").click();
	}

	private long lines(WebElement card, String css) {
		return (Long) browser.driver().executeScript("return arguments[0].getClientRects().length",
				card.findElement(By.cssSelector(css)));
	}

	private static List<String> cells(WebElement row) {
		return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
	}
}
