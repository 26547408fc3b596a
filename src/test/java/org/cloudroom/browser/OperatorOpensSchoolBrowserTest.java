package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

@BrowserTest
class OperatorOpensSchoolBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Test
	void operatorOpensSchoolAndItsAdminLogsInWithTheShownPassword() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var name = "Hope Primary School " + tag;
		browser.logIn("admin", "operator-test-password");
		assertThat(browser.path()).isEqualTo("/schools");

		browser.find("#open-school input[name=name]").sendKeys(name);
		var quota = browser.find("#open-school input[name=accountQuota]");
		quota.clear();
		quota.sendKeys("40");
		browser.find("#open-school input[name=adminUsername]").sendKeys("head-" + tag);
		browser.find("#open-school input[name=adminGivenName]").sendKeys("红");
		browser.find("#open-school input[name=adminFamilyName]").sendKeys("林");
		browser.find("#open-school button[type=submit]").click();

		var shown = browser.await(d -> d.findElement(By.cssSelector(".notice.credentials")));
		assertThat(shown.getText()).contains("林红", "head-" + tag);
		var password = shown.findElement(By.cssSelector("code.secret")).getText();
		assertThat(password).hasSize(8);
		var row = browser.find("#schools").findElement(By.xpath(".//tr[td/a[text()='" + name + "']]"));
		assertThat(row.getText()).contains("1 of 40");

		browser.logOut();
		browser.logIn("head-" + tag, password);
		assertThat(browser.find("h1").getText()).isEqualTo(name);
		assertThat(browser.find(".quota").getText()).contains("1 of 40 accounts used");
	}
}
