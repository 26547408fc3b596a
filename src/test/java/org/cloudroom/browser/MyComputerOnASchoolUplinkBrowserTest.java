package org.cloudroom.browser;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A student of a school whose uplink is 1 Mbit/s opens My computer in Chromium: noVNC asks for each frame itself (the
 * gateway took its continuous updates out and paces the requests), and the screen still follows what they do.
 */
@BrowserTest
class MyComputerOnASchoolUplinkBrowserTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("en");

	private final DesktopScreen screen = new DesktopScreen(browser);

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Desktops desktops;

	@Value("${cloudroom.data}")
	Path data;

	private Credential student;
	private PersonId person;

	@BeforeEach
	void aStudentOfASchoolOnASlowUplink() throws Exception {
		var school = OpenSchool.open(program, "Hill Village School", 10);
		program.setUplink(school.id(), "1");
		student = school.importing(peopleImport, ClassList.of("Grade 3", 1).csv()).getFirst();
		person = people.findByUsername(student.username()).orElseThrow().id();
	}

	@AfterEach
	void shutDownTheDesktop() {
		desktops.stop(person, DesktopStopped.Reason.OWNER);
	}

	@Test
	void theScreenComesAndFollowsTheStudentsClicksFrameByFrame() {
		browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
		browser.logIn(student.username(), student.initialPassword());

		browser.find("#my-computer").click();
		screen.awaitConnected();
		screen.awaitTaskbar(PATIENCE);
		var desktop = desktops.mine(person).orElseThrow().id();
		await().atMost(PATIENCE).until(() -> DesktopProcesses.named(DesktopProcesses.of(data, desktop), "pcmanfm")
			.isPresent());
		screen.awaitIcons(PATIENCE);
		screen.click(DesktopScreen.EDITOR_BUTTON_X, screen.height() - 22);

		await().atMost(PATIENCE).until(() -> screen.pixel(DesktopScreen.IN_EDITOR[0], DesktopScreen.IN_EDITOR[1])
			.equals(DesktopScreen.WHITE));
	}
}
