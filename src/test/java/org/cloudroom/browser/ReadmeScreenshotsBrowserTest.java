package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.test.context.TestPropertySource;

/**
 * Walks the pages of the accounts story in both languages and checks that none shows a raw message key or, in
 * Chinese, an English message; on the way it takes the README's screenshots. They go to
 * {@code target/screenshots/readme}, or with {@code -Dcloudroom.screenshots=docs/images} into the docs. A database
 * of its own keeps other tests' schools out of the pictures.
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:screenshots;DB_CLOSE_DELAY=-1")
class ReadmeScreenshotsBrowserTest {

	private static final Path TO = Path.of(System.getProperty("cloudroom.screenshots", "target/screenshots/readme"));
	private static final Properties ENGLISH = messages("");
	private static final Properties CHINESE = messages("_zh_CN");

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@TempDir
	Path files;

	@Test
	void pagesShowNoRawMessageKeysInEitherLanguage() {
		OpenSchool.named(program, "Riverside Middle School", "riverside-admin", 800).withClass(peopleImport,
				ClassList.of("g8c1-", "初二(1)班", 42));
		OpenSchool.named(program, "Sunshine Primary School", "sunshine-admin", 300);
		browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));

		browser.open("/login");
		page("login-en");
		browser.driver().findElement(By.linkText("中文")).click();
		browser.await(d -> "zh-CN".equals(lang()));
		page("login-zh");
		browser.driver().findElement(By.linkText("English")).click();
		browser.await(d -> "en".equals(lang()));

		browser.logIn("admin", "operator-test-password");
		browser.find("#open-school input[name=name]").sendKeys("Hope Primary School");
		browser.find("#open-school input[name=adminUsername]").sendKeys("hope-admin");
		browser.find("#open-school input[name=adminGivenName]").sendKeys("红");
		browser.find("#open-school input[name=adminFamilyName]").sendKeys("林");
		browser.find("#open-school button[type=submit]").click();
		var password = browser.await(d -> d.findElement(By.cssSelector(".notice.credentials code.secret"))).getText();
		page("schools");
		browser.logOut();

		browser.logIn("hope-admin", password);
		var list = ClassList.of("g5c2-", "五年级二班", 30);
		browser.find("#import input[type=file]").sendKeys(list.writeTo(files.resolve("五年级二班.csv")).toString());
		browser.find("#import button[type=submit]").click();
		var imported = browser.await(d -> d.findElement(By.id("import-done")));
		var passwords = new HashMap<String, String>();
		imported.findElements(By.cssSelector("table.credentials tbody tr")).forEach(row -> {
			var cells = row.findElements(By.tagName("code"));
			passwords.put(cells.get(0).getText(), cells.get(1).getText());
		});
		browser.driver().executeScript("document.querySelector('#import').closest('section').scrollIntoView()");
		page("school-import");

		browser.driver().findElement(By.linkText("Go to the classes to print login cards")).click();
		browser.await(d -> d.findElement(By.cssSelector("#classes a"))).click();
		browser.await(d -> d.findElement(By.id("print-cards"))).click();
		browser.await(d -> d.getTitle().startsWith("Login cards"));
		var card = PrintedCard.on(browser).get(7);
		page("cards");
		browser.driver().findElement(By.linkText("Back")).click();
		browser.await(d -> d.findElement(By.id("members")));
		page("class");
		browser.logOut();

		browser.logIn(card.username(), passwords.get(card.username()));
		page("student-home-en");
		browser.driver().findElement(By.linkText("中文")).click();
		browser.await(d -> "zh-CN".equals(lang()));
		page("student-home-zh");
		browser.open("/settings");
		check("settings-zh");
		browser.open("/schools");
		check("forbidden-zh");
	}

	/** Checks the page shown and saves its screenshot. */
	private void page(String name) {
		check(name);
		browser.screenshot(TO.resolve(name + ".png"));
	}

	private void check(String name) {
		var text = browser.driver().getTitle() + "\n" + browser.find("body").getText();
		for (var key : ENGLISH.stringPropertyNames()) {
			assertThat(text).as("%s shows the raw key %s", name, key)
				.doesNotContainPattern("(?<![\\w.-])" + Pattern.quote(key) + "(?![\\w-])");
		}
		if ("zh-CN".equals(lang())) {
			for (var key : CHINESE.stringPropertyNames()) {
				var english = ENGLISH.getProperty(key);
				if (!english.contains("{") && !english.equals(CHINESE.getProperty(key)) && english.length() > 3) {
					assertThat(text).as("%s shows %s in English", name, key)
						.doesNotContainPattern("(?<!\\w)" + Pattern.quote(english) + "(?!\\w)");
				}
			}
		}
	}

	private String lang() {
		return browser.find("html").getDomAttribute("lang");
	}

	private static Properties messages(String suffix) {
		var all = new Properties();
		for (var bundle : new String[] { "common", "accounts" }) {
			try {
				all.putAll(PropertiesLoaderUtils.loadProperties(
						new ClassPathResource("messages/" + bundle + suffix + ".properties")));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return all;
	}
}
