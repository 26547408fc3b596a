package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.gateway.BrowserSocket;
import org.cloudroom.rfb.RfbClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A teacher runs a class of students (three; see {@link #STUDENTS}) in the computer room, each with a real desktop: the wall shows their
 * screens; the teacher locks the screens (a student's tab says so, and even a tab that hides the notice cannot
 * work on the desktop), shows their own screen to the class, and sends a message. The wall's picture goes to
 * {@code target/screenshots}, and with {@code -Dcloudroom.screenshots=docs/images} to the README's images.
 */
@BrowserTest
class TeacherRunsTheComputerRoomBrowserTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);
	private static final int EDITOR_BUTTON_X = DesktopScreen.EDITOR_BUTTON_X;

	@RegisterExtension
	final Chromium teacherBrowser = new Chromium().speaking("zh-CN,zh");

	@RegisterExtension
	final Chromium studentBrowser = new Chromium().speaking("zh-CN,zh");

	private final DesktopScreen studentScreen = new DesktopScreen(studentBrowser);

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

	/**
	 * Students in the class: three, or as many as {@code -Dcloudroom.wall-students} says (the README's picture of a
	 * whole computer room is taken with 25).
	 */
	private static final int STUDENTS = Integer.getInteger("cloudroom.wall-students", 3);

	private final List<CloudroomUser> running = new java.util.concurrent.CopyOnWriteArrayList<>();
	private List<String> names = List.of();
	private Credential teacher;
	private Credential student;
	private CloudroomUser studentUser;
	private String classId;
	/** The student's classmates, each at work on their desktop from a browser of their own. */
	private List<Credential> classmates = List.of();
	private final List<BrowserSocket> classmatesAtWork = new java.util.concurrent.CopyOnWriteArrayList<>();

	@BeforeEach
	void aClassWithTheirDesktops() throws Exception {
		var school = OpenSchool.open(program, "Lotus Primary School", STUDENTS + 5);
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var list = ClassList.of("s" + tag + "-", "四年级二班", STUDENTS);
		var csv = list.csv() + "li-" + tag + ",老师,李,teacher,四年级二班,\r\n";
		var imported = school.importing(peopleImport, csv);
		names = list.students().stream().map(ClassList.Student::displayName).toList();
		teacher = imported.getLast();
		student = imported.getFirst();
		classId = classes.findByName(school.id(), "四年级二班").orElseThrow().id().toString();
		studentUser = user(student.username());
		// The teacher's desktop (to show to the class) and the classmates' run as if opened elsewhere.
		var others = new ArrayList<CloudroomUser>();
		for (var other : imported.subList(1, imported.size())) {
			others.add(user(other.username()));
		}
		classmates = imported.subList(1, STUDENTS);
		try (var starts = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (var user : others) {
				running.add(user);
				starts.submit(() -> desktops.startOrResume(user, Locale.SIMPLIFIED_CHINESE));
			}
		}
		running.add(studentUser);
	}

	@AfterEach
	void shutDownTheDesktops() {
		classmatesAtWork.forEach(BrowserSocket::close);
		running.forEach(user -> desktops.stop(user.id(), DesktopStopped.Reason.OWNER));
	}

	@Test
	void teacherSeesTheClassLocksShowsTheirScreenAndSendsAMessage() throws Exception {
		studentBrowser.logIn(student.username(), student.initialPassword());
		studentBrowser.open("/desktop");
		studentScreen.awaitConnected();
		var studentDesktop = desktops.mine(studentUser.id()).map(Desktop::id).orElseThrow();
		try (var starts = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			for (var working : starts.invokeAll(classmates.stream().map(c -> (Callable<Void>) () -> atWork(c)).toList())) {
				working.get();
			}
		}

		teacherBrowser.logIn(teacher.username(), teacher.initialPassword());
		teacherBrowser.open("/classes/" + classId + "/sessions");
		teacherBrowser.find("#start-session").click();
		teacherBrowser.await(d -> teacherBrowser.path().startsWith("/sessions/"));
		teacherBrowser.await(d -> d.findElements(By.cssSelector("#wall .tile img[src^='blob:']")).size() == STUDENTS);
		assertThat(teacherBrowser.find("#wall").getText()).contains(names);
		teacherBrowser.await(d -> d.findElements(By.cssSelector("#wall .tile[data-online=true]")).size() == STUDENTS);
		studentBrowser.await(d -> d.findElement(By.id("live-watched")).isDisplayed());
		teacherBrowser.await(d -> d.findElements(By.cssSelector("#attendance li")).size() == STUDENTS);
		// Every tile's picture shown, for the README's screenshot.
		teacherBrowser.await(d -> (Boolean) teacherBrowser.driver().executeScript(
				"return [...document.querySelectorAll('#wall .tile img')].every(i => i.complete && i.naturalWidth > 0)"));
		screenshot("classroom-wall.png");

		teacherBrowser.find("#lock").click();
		studentBrowser.await(d -> d.findElement(By.id("live-locked")).isDisplayed());
		// A student who hides the notice still cannot work: the gateway drops the tab's input.
		studentBrowser.driver().executeScript(
				"document.getElementById('live-locked').style.setProperty('display', 'none', 'important')");
		studentScreen.click(EDITOR_BUTTON_X, studentScreen.height() - 22);
		// Unlocked, the click opens the editor within a second or two; locked, it must not for longer than that.
		await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> DesktopProcesses
			.named(DesktopProcesses.of(data, studentDesktop), "mousepad").isEmpty());
		assertThat(DesktopProcesses.named(DesktopProcesses.of(data, studentDesktop), "mousepad")).isEmpty();
		teacherBrowser.find("#lock").click();
		teacherBrowser.await(d -> "false".equals(d.findElement(By.id("lock")).getDomAttribute("data-on")));
		studentScreen.click(EDITOR_BUTTON_X, studentScreen.height() - 22);
		await().atMost(PATIENCE).until(() -> DesktopProcesses
			.named(DesktopProcesses.of(data, studentDesktop), "mousepad").isPresent());

		teacherBrowser.find("#broadcast").click();
		studentBrowser.await(d -> d.findElement(By.cssSelector("#desktop-status[data-state=watching]")));
		var watcher = "#wall .tile[data-student='" + studentUser.id() + "']";
		teacherBrowser.await(d -> "true".equals(d.findElement(By.cssSelector(watcher)).getDomAttribute("data-watching")));
		assertThat(teacherBrowser.find(watcher + " .marks").getText()).contains("在看老师屏幕");
		teacherBrowser.find("#broadcast").click();
		studentBrowser.await(d -> d.findElement(By.cssSelector("#desktop-status[data-state=connected]")));

		teacherBrowser.find("#message-text").sendKeys("请打开画图程序");
		teacherBrowser.find("#send-message").click();
		studentBrowser.await(d -> d.findElement(By.id("live-message")).isDisplayed());
		assertThat(studentBrowser.find("#live-message-text").getText()).isEqualTo("请打开画图程序");

		teacherBrowser.find("#end-session").click();
		teacherBrowser.find("#end-session-confirm").click();
		studentBrowser.await(d -> !d.findElement(By.id("live-watched")).isDisplayed());
	}

	/**
	 * A classmate at work, as from a browser of their own: connected to their desktop through the gateway, they open
	 * the text editor from the taskbar and write a line.
	 */
	private Void atWork(Credential classmate) throws Exception {
		var desktop = desktops.mine(user(classmate.username()).id()).map(Desktop::id).orElseThrow();
		var socket = GatewayTab.open(teacherBrowser.base(), classmate, desktops.find(desktop).orElseThrow(), "");
		classmatesAtWork.add(socket);
		var screen = socket.handshake();
		// The taskbar comes once the screens of a class starting together are shown; a click before it opens nothing.
		await().atMost(PATIENCE).until(() -> DesktopProcesses.named(DesktopProcesses.of(data, desktop), "icewm")
			.isPresent());
		for (int click = 0; click < 10 && DesktopProcesses.named(DesktopProcesses.of(data, desktop), "mousepad").isEmpty();
				click++) {
			for (int button : new int[] { 1, 0 }) {
				socket.send(ByteBuffer.allocate(6).put((byte) 5).put((byte) button).putShort((short) EDITOR_BUTTON_X)
					.putShort((short) (screen.height() - 22)).array());
			}
			DesktopScreen.within(Duration.ofSeconds(3),
					() -> DesktopProcesses.named(DesktopProcesses.of(data, desktop), "mousepad").isPresent());
		}
		assertThat(DesktopProcesses.named(DesktopProcesses.of(data, desktop), "mousepad")).isPresent();
		awaitEditorWindow(desktop);
		for (char key : ("My garden diary, by " + classmate.username() + ".").toCharArray()) {
			for (int down : new int[] { 1, 0 }) {
				socket.send(ByteBuffer.allocate(8).put((byte) 4).put((byte) down).putShort((short) 0).putInt(key)
					.array());
			}
		}
		return null;
	}

	/** The editor's window maps after its process starts: waits until the desktop's screen shows its white page. */
	private void awaitEditorWindow(UUID desktop) throws Exception {
		var connection = desktops.connect(desktop);
		try (var viewer = RfbClient.open(connection.channel(), connection.vncPassword())) {
			viewer.requestUpdate(false);
			await().atMost(PATIENCE).until(() -> {
				if (viewer.read()) {
					viewer.requestUpdate(true);
				}
				return viewer.framebuffer().rgb(DesktopScreen.IN_EDITOR[0], DesktopScreen.IN_EDITOR[1]) == 0xffffff;
			});
		}
	}

	private CloudroomUser user(String username) {
		return OpenSchool.user(people, username);
	}

	/** Takes the whole wall: the window grows to the page's height first. */
	private void screenshot(String name) {
		var height = ((Number) teacherBrowser.driver().executeScript("return document.documentElement.scrollHeight"))
			.intValue();
		teacherBrowser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.min(2400,
				height + 140)));
		teacherBrowser.screenshot(name, true);
	}
}
