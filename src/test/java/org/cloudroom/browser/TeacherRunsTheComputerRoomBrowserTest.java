package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.Desktops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A teacher runs a class of three students in the computer room, each with a real desktop: the wall shows their
 * screens; the teacher locks the screens (a student's tab says so, and even a tab that hides the notice cannot
 * work on the desktop), shows their own screen to the class, and sends a message. The wall's picture goes to
 * {@code target/screenshots}, and with {@code -Dcloudroom.screenshots=docs/images} to the README's images.
 */
@BrowserTest
class TeacherRunsTheComputerRoomBrowserTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);
	/** The taskbar's text editor button (icewm/toolbar.zh), as MyComputerBrowserTest finds it. */
	private static final int EDITOR_BUTTON_X = 143;

	@RegisterExtension
	final Chromium teacherBrowser = new Chromium().speaking("zh-CN,zh");

	@RegisterExtension
	final Chromium studentBrowser = new Chromium().speaking("zh-CN,zh");

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

	@Value("${cloudroom.data}")
	Path data;

	private final List<CloudroomUser> running = new ArrayList<>();
	private Credential teacher;
	private Credential student;
	private CloudroomUser studentUser;
	private String classId;

	@BeforeEach
	void aClassOfThreeWithTheirDesktops() throws Exception {
		var school = OpenSchool.open(program, "Lotus Primary School", 10);
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var imported = peopleImport.importFile(school.id(), new ByteArrayInputStream("""
				username,given_name,family_name,role,class,password
				li-%1$s,老师,李,teacher,四年级二班,
				ming-%1$s,小明,王,student,四年级二班,
				hong-%1$s,小红,李,student,四年级二班,
				fang-%1$s,芳,张,student,四年级二班,
				""".formatted(tag).getBytes(StandardCharsets.UTF_8)), false);
		teacher = imported.people().get(0);
		student = imported.people().get(1);
		classId = classes.findByName(school.id(), "四年级二班").orElseThrow().id().toString();
		studentUser = user(student.username());
		// The teacher's desktop (to show to the class) and two classmates' run as if opened elsewhere.
		for (var other : List.of(imported.people().get(0), imported.people().get(2), imported.people().get(3))) {
			var user = user(other.username());
			running.add(user);
			desktops.startOrResume(user, Locale.SIMPLIFIED_CHINESE);
		}
		running.add(studentUser);
	}

	@AfterEach
	void shutDownTheDesktops() {
		running.forEach(user -> desktops.stop(user.id(), "test over"));
	}

	@Test
	void teacherSeesTheClassLocksShowsTheirScreenAndSendsAMessage() throws Exception {
		studentBrowser.logIn(student.username(), student.initialPassword());
		studentBrowser.open("/desktop");
		studentBrowser.await(d -> d.findElement(By.cssSelector("#desktop-status[data-state=connected]")));
		var studentDesktop = desktops.mine(studentUser.id()).map(Desktop::id).orElseThrow();

		teacherBrowser.logIn(teacher.username(), teacher.initialPassword());
		teacherBrowser.open("/classes/" + classId + "/sessions");
		teacherBrowser.find("#start-session").click();
		teacherBrowser.await(d -> teacherBrowser.path().startsWith("/sessions/"));
		teacherBrowser.await(d -> d.findElements(By.cssSelector("#wall .tile img[src^='blob:']")).size() == 3);
		assertThat(teacherBrowser.find("#wall").getText()).contains("王小明", "李小红", "张芳");
		studentBrowser.await(d -> d.findElement(By.id("live-watched")).isDisplayed());
		teacherBrowser.await(d -> d.findElements(By.cssSelector("#attendance li")).size() == 1);
		Thread.sleep(2500); // a few more pictures, for the README's screenshot
		screenshot("classroom-wall.png");

		teacherBrowser.find("#lock").click();
		studentBrowser.await(d -> d.findElement(By.id("live-locked")).isDisplayed());
		// A student who hides the notice still cannot work: the gateway drops the tab's input.
		studentBrowser.driver().executeScript(
				"document.getElementById('live-locked').style.setProperty('display', 'none', 'important')");
		clickStudentDesktop(EDITOR_BUTTON_X, studentCanvasHeight() - 13);
		Thread.sleep(3000);
		assertThat(DesktopProcesses.named(DesktopProcesses.of(data, studentDesktop), "mousepad")).isEmpty();
		teacherBrowser.find("#lock").click();
		teacherBrowser.await(d -> "false".equals(d.findElement(By.id("lock")).getDomAttribute("data-on")));
		clickStudentDesktop(EDITOR_BUTTON_X, studentCanvasHeight() - 13);
		await().atMost(PATIENCE).until(() -> DesktopProcesses
			.named(DesktopProcesses.of(data, studentDesktop), "mousepad").isPresent());

		teacherBrowser.find("#broadcast").click();
		studentBrowser.await(d -> d.findElement(By.cssSelector("#desktop-status[data-state=watching]")));
		teacherBrowser.find("#broadcast").click();
		studentBrowser.await(d -> d.findElement(By.cssSelector("#desktop-status[data-state=connected]")));

		teacherBrowser.find("#message-text").sendKeys("请打开画图程序");
		teacherBrowser.find("#send-message").click();
		studentBrowser.await(d -> d.findElement(By.id("live-message")).isDisplayed());
		assertThat(studentBrowser.find("#live-message-text").getText()).isEqualTo("请打开画图程序");

		teacherBrowser.find("#end-session").click();
		studentBrowser.await(d -> !d.findElement(By.id("live-watched")).isDisplayed());
	}

	private int studentCanvasHeight() {
		return Integer.parseInt(studentBrowser.find("#screen canvas").getDomAttribute("height"));
	}

	/** Clicks the student's desktop at a point of its screen, at whatever scale the page shows it. */
	private void clickStudentDesktop(int x, int y) {
		var canvas = studentBrowser.find("#screen canvas");
		var rect = canvas.getRect();
		double scale = rect.getWidth() / Double.parseDouble(canvas.getDomAttribute("width"));
		new Actions(studentBrowser.driver()).moveToElement(canvas, (int) Math.round(x * scale - rect.getWidth() / 2.0),
				(int) Math.round(y * scale - rect.getHeight() / 2.0)).click().perform();
	}

	private CloudroomUser user(String username) {
		var person = people.findByUsername(username).orElseThrow();
		return new CloudroomUser(person.id(), person.schoolId(), person.username(), person.role());
	}

	private void screenshot(String name) {
		teacherBrowser.screenshot(Path.of("target", "screenshots").resolve(name));
		var docs = System.getProperty("cloudroom.screenshots");
		if (docs != null) {
			teacherBrowser.screenshot(Path.of(docs).resolve(name));
		}
	}
}
