package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Pages speak the browser's language, Chinese here, until another is chosen with the links in the header. */
@BrowserTest
class LanguageSwitchBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Test
	void loginPageSpeaksTheBrowsersChineseUntilEnglishIsChosen() {
		browser.open("/login");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
		assertThat(browser.find("h1").getText()).isEqualTo("欢迎来到云教室");
		assertThat(browser.find(".password-login button[type=submit]").getText()).isEqualTo("登录");
		assertThat(browser.find("#start-camera").getText()).isEqualTo("打开摄像头");

		browser.driver().findElement(By.linkText("English")).click();

		browser.await(d -> "en".equals(browser.find("html").getDomAttribute("lang")));
		assertThat(browser.find("h1").getText()).isEqualTo("Welcome to Cloudroom");
		assertThat(browser.find(".password-login button[type=submit]").getText()).isEqualTo("Log in");
		browser.open("/login");
		assertThat(browser.find("h1").getText()).as("the choice is kept").isEqualTo("Welcome to Cloudroom");
	}

	@Test
	void cardSheetIsPrintedInThePagesLanguageAndOffersNoSwitchThatWouldLoseIt() {
		var school = OpenSchool.open(program, "Lotus Primary School", 100).withClass(peopleImport,
				ClassList.of("一年级一班", 3));
		browser.logIn(school.admin().username(), school.admin().initialPassword());
		browser.find("#classes a").click();
		browser.await(d -> d.findElement(By.id("print-cards")));
		assertThat(browser.driver().findElements(By.linkText("English"))).hasSize(1);

		browser.find("#print-cards").click();

		browser.await(d -> d.getTitle().startsWith("登录卡"));
		assertThat(browser.find(".login-card dl").getText()).startsWith("用户名");
		assertThat(browser.driver().findElements(By.linkText("English")))
			.as("a link to the sheet's address would ask for the form again and lose the cards").isEmpty();
	}
}
