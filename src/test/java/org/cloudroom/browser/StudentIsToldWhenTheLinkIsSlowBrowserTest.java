package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A student far from the server (DevTools' network emulation makes the link slow): My computer's bar says the
 * connection is slow instead of leaving a lagging screen looking frozen, and stops saying it once the link
 * recovers; on a healthy link, with the desktop idle, it never says it. The page's checks of the link are hurried.
 */
@BrowserTest
class StudentIsToldWhenTheLinkIsSlowBrowserTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);
	private static final Duration CHECKS_EVERY = Duration.ofMillis(300);

	@RegisterExtension
	final Chromium english = new Chromium().hurrying(CHECKS_EVERY);

	@RegisterExtension
	final Chromium chinese = new Chromium().speaking("zh-CN,zh").hurrying(CHECKS_EVERY);

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Desktops desktops;

	private Credential student;
	private PersonId person;

	@BeforeEach
	void aStudentOfAClass() throws Exception {
		var school = OpenSchool.open(program, "Hilltop Primary School", 10);
		student = school.importing(peopleImport, ClassList.of("六年级二班", 1).csv()).getFirst();
		person = people.findByUsername(student.username()).orElseThrow().id();
	}

	@AfterEach
	void shutDownTheDesktop() {
		desktops.stop(person, DesktopStopped.Reason.OWNER);
	}

	@Test
	void aSlowLinkIsSaidInTheBarAndNotOnceItRecovers() {
		openMyComputer(english, "en");
		var screen = english.find("#screen canvas").getSize();

		link(english, 1500);
		var notice = english.await(d -> english.find("#link-slow").isDisplayed() ? english.find("#link-slow") : null);
		assertThat(notice.getText()).isEqualTo("The connection is slow — the screen may lag");
		english.awaitFrames();
		assertThat(english.find("#screen canvas").getSize()).as("the notice does not resize the desktop")
			.isEqualTo(screen);
		english.screenshot("my-computer-link-slow-en.png", false);

		link(english, 0);
		english.await(d -> !english.find("#link-slow").isDisplayed());
		assertThat(english.find("#desktop-status").getDomAttribute("data-state")).isEqualTo("connected");
	}

	@Test
	void aChineseStudentIsToldInChinese() {
		openMyComputer(chinese, "zh-CN");

		link(chinese, 1500);
		var notice = chinese.await(d -> chinese.find("#link-slow").isDisplayed() ? chinese.find("#link-slow") : null);
		assertThat(notice.getText()).isEqualTo("网络连接较慢，屏幕可能会有延迟");
		chinese.screenshot("my-computer-link-slow-zh-CN.png", false);
	}

	/** Opens My computer on a healthy link and sees that several checks of the link said nothing. */
	private void openMyComputer(Chromium browser, String language) {
		browser.logIn(student.username(), student.initialPassword());
		browser.find("#my-computer").click();
		var screen = new DesktopScreen(browser);
		screen.awaitConnected();
		screen.awaitTaskbar(PATIENCE);
		browser.await(d -> checksOfTheLink(browser) >= 5);
		assertThat(browser.find("#link-slow").isDisplayed()).isFalse();
		browser.screenshot("my-computer-link-ok-" + language + ".png", false);
	}

	private static long checksOfTheLink(Chromium browser) {
		return (Long) browser.driver().executeScript("return performance.getEntriesByType('resource')"
				+ ".filter(e => e.initiatorType === 'fetch' && e.name.endsWith('/images/cloudroom.svg')).length");
	}

	/** Every request and answer of the browser waits this long on its way, as on a far, thin link. */
	private static void link(Chromium browser, int latencyMillis) {
		browser.driver().executeCdpCommand("Network.enable", Map.of());
		browser.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency",
				latencyMillis, "downloadThroughput", -1, "uploadThroughput", -1));
	}
}
