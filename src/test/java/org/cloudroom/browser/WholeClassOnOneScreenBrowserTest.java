package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.gateway.BrowserSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A class of 30 in the computer room, on the teacher's screen of 1366×768 and of 1024×768: every student's tile
 * and the whole toolbar are on the screen at once, and a student watching the teacher's screen is shown so, not as
 * offline. The students have no desktops running (their tiles show no picture); the teacher's runs, to be shown.
 */
@BrowserTest
class WholeClassOnOneScreenBrowserTest {

	private static final int STUDENTS = 30;

	@RegisterExtension
	final Chromium teacherBrowser = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	@Autowired
	Desktops desktops;

	private CloudroomUser teacherUser;
	private BrowserSocket watching;

	@AfterEach
	void shutDown() {
		if (watching != null) {
			watching.close();
		}
		if (teacherUser != null) {
			desktops.stop(teacherUser.id(), DesktopStopped.Reason.OWNER);
		}
	}

	@Test
	void aClassOfThirtyFitsTheScreenWithItsToolbarAndAWatcherIsShownWatching() throws Exception {
		var school = OpenSchool.open(program, "Lotus Primary School", STUDENTS + 5);
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var list = ClassList.of("w" + tag + "-", "四年级一班", STUDENTS);
		var csv = list.csv() + "wang-" + tag + ",老师,王,teacher,四年级一班,\r\n";
		var imported = school.importing(peopleImport, csv);
		var teacher = imported.getLast();
		var watcher = imported.getFirst();
		teacherUser = user(teacher.username());
		var classId = classes.findByName(school.id(), "四年级一班").orElseThrow().id();
		var teacherDesktop = desktops.startOrResume(teacherUser, Locale.SIMPLIFIED_CHINESE);

		teacherBrowser.logIn(teacher.username(), teacher.initialPassword());
		teacherBrowser.open("/classes/" + classId + "/sessions");
		teacherBrowser.find("#start-session").click();
		teacherBrowser.await(d -> teacherBrowser.path().startsWith("/sessions/"));
		teacherBrowser.find("#broadcast").click();
		teacherBrowser.await(d -> "true".equals(d.findElement(By.id("broadcast")).getDomAttribute("data-on")));
		watching = watch(watcher, teacherDesktop);
		var watcherTile = "#wall .tile[data-student='" + user(watcher.username()).id() + "']";
		teacherBrowser.await(d -> "true".equals(d.findElement(By.cssSelector(watcherTile)).getDomAttribute(
				"data-watching")));
		assertThat(teacherBrowser.find(watcherTile + " .marks").getText()).contains("在看老师屏幕")
			.doesNotContain("离线");

		for (var size : List.of(new int[] { 1366, 768 }, new int[] { 1024, 768 })) {
			teacherBrowser.viewport(size[0], size[1]);
			teacherBrowser.awaitFrames();
			assertThat(teacherBrowser.driver().findElements(By.cssSelector("#wall .tile"))).hasSize(STUDENTS);
			assertThat(outside("#wall .tile")).as("tiles off a %dx%d screen", size[0], size[1]).isEmpty();
			assertThat(outside(".wall-actions button, .wall-actions input")).as("toolbar off the screen").isEmpty();
			teacherBrowser.screenshot(Path.of("target", "screenshots",
					"classroom-wall-30-" + size[0] + "x" + size[1] + ".png"));
		}

		double fitted = tileWidth();
		teacherBrowser.driver().executeScript("""
				const zoom = document.getElementById('zoom');
				zoom.value = '2';
				zoom.dispatchEvent(new Event('input'));""");
		assertThat(tileWidth()).isGreaterThan(fitted * 1.8);
		teacherBrowser.driver().executeScript("document.getElementById('wall-room').scrollTop = 100000");
		assertThat(outside(".wall-actions button, .wall-actions input")).as("toolbar off the screen").isEmpty();
		teacherBrowser.screenshot(Path.of("target", "screenshots", "classroom-wall-30-zoomed.png"));
	}

	/** The elements of the selector that are not wholly within the viewport. */
	private List<?> outside(String selector) {
		return (List<?>) teacherBrowser.driver().executeScript("""
				return [...document.querySelectorAll(arguments[0])].filter(e => {
				  const r = e.getBoundingClientRect();
				  return r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight;
				}).map(e => e.id || e.textContent);""", selector);
	}

	private double tileWidth() {
		return ((Number) teacherBrowser.driver().executeScript(
				"return document.querySelector('#wall .tile').getBoundingClientRect().width")).doubleValue();
	}

	/** The student watches the teacher's screen, as their tab does while the teacher shows it. */
	private BrowserSocket watch(Credential student, Desktop teacherDesktop) throws Exception {
		var socket = GatewayTab.open(teacherBrowser.base(), student, teacherDesktop, "?mode=view");
		socket.handshake();
		return socket;
	}

	private CloudroomUser user(String username) {
		return OpenSchool.user(people, username);
	}
}
