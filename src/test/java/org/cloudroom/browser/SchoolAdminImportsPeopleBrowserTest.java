package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserTest
class SchoolAdminImportsPeopleBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

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

		var firstPassword = cells(created.getFirst()).get(3);
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
			assertThat(card.password()).as("a line to write the password in").isEmpty();
			assertThat(card.address()).isEqualTo(browser.base());
			assertThat(card.qrText()).startsWith("cloudroom:");
		});
		assertThat(browser.driver().findElements(By.cssSelector(".login-card img.qr")))
			.as("every QR image is shown").allSatisfy(img -> assertThat(img.getDomProperty("naturalWidth")).isNotEqualTo("0"));
		assertThat(browser.driver().findElements(By.cssSelector(".login-card"))).allSatisfy(card -> {
			assertThat(lines(card, ".card-username")).as("the username is on one line").isEqualTo(1);
			assertThat(lines(card, ".card-address")).as("the address is on one line").isEqualTo(1);
			assertThat(card.getDomProperty("scrollHeight")).as("nothing is cut off the card")
				.isEqualTo(card.getDomProperty("clientHeight"));
		});

		browser.driver().findElement(By.linkText("Back")).click();
		browser.await(d -> d.findElement(By.id("members")));
		browser.logOut();
		browser.logIn(list.students().getFirst().username(), firstPassword);
		assertThat(browser.path()).as("the password written down from the import still logs in").isEqualTo("/");
	}

	@Test
	void theCardsOfAClassOfTwentyFourFillTwoA4Sheets() throws Exception {
		var school = OpenSchool.open(program, "Maple Primary School", 100).withClass(peopleImport,
				ClassList.of("二年级一班", 24));
		browser.logIn(school.admin().username(), school.admin().initialPassword());
		browser.find("#classes a").click();
		browser.await(d -> d.findElement(By.id("print-cards"))).click();
		browser.await(d -> d.getTitle().startsWith("Login cards"));

		var options = new PrintOptions();
		options.setPageSize(new PageSize(29.7, 21.0));
		options.setPageMargin(new PageMargin(0.8, 0.8, 0.8, 0.8));
		options.setBackground(true);
		var pdf = Base64.getDecoder().decode(browser.driver().print(options).getContent());
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots/login-cards-a4.pdf"), pdf);

		var pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1))
			.results().count();
		assertThat(pages).as("12 cards on each A4 sheet").isEqualTo(2);
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
