package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

@BrowserTest
class LanguageSwitchBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

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
}
