package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** A student logs in with what the school admin printed on their card: its password, or its QR code. */
@BrowserTest
class StudentLogsInBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	OpenSchool school;

	@BeforeEach
	void aClassWithItsCardsPrinted() {
		school = OpenSchool.open(program, "Willow Primary School", 100).withClass(peopleImport,
				ClassList.of("三年级一班", 30));
	}

	@Test
	void logsInWithTheUsernameAndTheNewPasswordOnTheCard() {
		var card = printCardsWithNewPasswords().get(6);
		browser.logOut();

		browser.logIn(card.username(), card.password());

		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.find("h1").getText()).isEqualTo("Hello, " + card.name());
		assertThat(browser.find("#my-computer").getText()).contains("My computer");
	}

	@Test
	void logsInByHoldingTheCardUpToTheCamera() {
		var card = printCards().get(12);
		browser.logOut();
		browser.holdUpToCamera(card.qr());

		browser.find("#start-camera").click();

		browser.await(d -> browser.path().equals("/"));
		assertThat(browser.await(d -> d.findElement(By.id("my-computer"))).getText()).contains("My computer");
		assertThat(browser.find("h1").getText()).isEqualTo("Hello, " + card.name());
	}

	@Test
	void aVoidedCardNoLongerLogsIn() {
		var card = printCards().get(3);
		browser.driver().findElement(By.linkText("Back")).click();
		var row = browser.await(d -> d.findElement(
				By.xpath("//table[@id='members']//tr[td/code='" + card.username() + "']")));
		row.findElement(By.cssSelector("button.danger")).click();
		assertThat(browser.await(d -> d.findElement(By.cssSelector(".notice.ok"))).getText())
			.isEqualTo("The card was voided; it no longer logs anyone in.");
		browser.logOut();
		browser.holdUpToCamera(card.qr());

		browser.find("#start-camera").click();

		browser.await(d -> browser.find("#card-status").getText().contains("no longer valid"));
		assertThat(browser.find("#card-status").getText())
			.isEqualTo("This card is no longer valid. Ask your teacher for a new one.");
		assertThat(browser.path()).isEqualTo("/login");
	}

	/** The school admin asks for new passwords on the class's cards, as for a class that lost theirs. */
	private List<PrintedCard> printCardsWithNewPasswords() {
		browser.logIn(school.admin().username(), school.admin().initialPassword());
		browser.find("#classes a").click();
		browser.await(d -> d.findElement(By.cssSelector("details.new-passwords summary"))).click();
		browser.find("details.new-passwords input[name=confirmed]").click();
		browser.find("#print-cards-new-passwords").click();
		browser.await(d -> d.getTitle().startsWith("Login cards"));
		return PrintedCard.on(browser);
	}

	/** The school admin opens the class and prints its cards, as on the first day of school. */
	private List<PrintedCard> printCards() {
		browser.logIn(school.admin().username(), school.admin().initialPassword());
		browser.find("#classes a").click();
		browser.await(d -> d.findElement(By.id("print-cards"))).click();
		browser.await(d -> d.getTitle().startsWith("Login cards"));
		return PrintedCard.on(browser);
	}
}
