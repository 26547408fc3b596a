package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.drive.Homes;
import org.cloudroom.rfb.Encoding;
import org.cloudroom.rfb.RfbClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A student opens My computer in Chromium and works on their desktop as they would with a mouse and keyboard: the
 * text editor from the taskbar, a sentence, pinyin, saving into their home; then they close the tab and come
 * back. The screenshot of the desktop goes to {@code target/screenshots}, and with
 * {@code -Dcloudroom.screenshots=docs/images} to the README's images.
 */
@BrowserTest
class MyComputerBrowserTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);
	private static final int[] IN_EDITOR = DesktopScreen.IN_EDITOR;
	/** A point inside the save dialog, which IceWM places over most of the screen, but not the editor. */
	private static final int[] IN_SAVE_DIALOG = { 900, 300 };

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

	private final DesktopScreen screen = new DesktopScreen(browser);

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Desktops desktops;

	@Autowired
	Homes homes;

	@Value("${cloudroom.data}")
	Path data;

	private Credential student;
	private PersonId person;

	@BeforeEach
	void aStudentOfAClass() throws Exception {
		var school = OpenSchool.open(program, "Lotus Primary School", 10);
		var list = ClassList.of("四年级一班", 1);
		student = school.importing(peopleImport, list.csv()).getFirst();
		person = people.findByUsername(student.username()).orElseThrow().id();
	}

	@AfterEach
	void shutDownTheDesktop() {
		desktops.stop(person, DesktopStopped.Reason.OWNER);
	}

	@Test
	void studentWritesInTheEditorWithPinyinSavesToTheirHomeAndFindsTheEditorAgainInANewTab() throws Exception {
		browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
		browser.logIn(student.username(), student.initialPassword());

		browser.find("#my-computer").click();
		screen.awaitConnected();
		screen.awaitTaskbar(PATIENCE);
		screenshot("desktop-zh-CN.png");
		var desktop = desktops.mine(person).orElseThrow().id();

		// The desktop's icons come with the taskbar; their window takes the focus when it appears.
		await().atMost(PATIENCE).until(() -> running(desktop, "pcmanfm").isPresent());
		screen.awaitIcons(PATIENCE);
		screen.click(DesktopScreen.EDITOR_BUTTON_X, screen.height() - 22);
		await().atMost(PATIENCE).until(() -> screen.pixel(IN_EDITOR[0], IN_EDITOR[1]).equals(DesktopScreen.WHITE));
		var editor = running(desktop, "mousepad").orElseThrow();
		screen.type("Cloudroom is my computer in the cloud. ");
		saveAs("diary.txt");
		var diary = homes.of(person).resolve("diary.txt");
		await().atMost(PATIENCE).until(() -> Files.exists(diary) && Files.readString(diary).contains("cloud."));

		// The input method starts after the taskbar, at a lower priority, and when it is ready is not to be seen
		// from outside: as a person would, when pinyin did not come, the test erases what it typed and switches again.
		await().atMost(PATIENCE).until(() -> running(desktop, "fcitx5").isPresent());
		for (int tries = 0; tries < 5 && !Files.readString(diary).contains("你好"); tries++) {
			var before = Files.readString(diary);
			if (before.endsWith("nihao ")) {
				screen.type(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE,
						Keys.BACK_SPACE);
			}
			new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(" ").keyUp(Keys.CONTROL).perform();
			screen.type("nihao", " ");
			save();
			await().atMost(PATIENCE).until(() -> !Files.readString(diary).equals(before));
		}

		await().atMost(PATIENCE).until(() -> Files.readString(diary).contains("你好"));
		assertThat(diary).hasContent("Cloudroom is my computer in the cloud. 你好");
		assertThat(DesktopProcesses.uid(editor)).hasValue((Integer) Files.getAttribute(diary, "unix:uid"));
		screenshot("my-computer-editor.png");

		var closed = browser.driver().getWindowHandle();
		var tab = browser.driver().switchTo().newWindow(WindowType.TAB).getWindowHandle();
		browser.driver().switchTo().window(closed).close();
		browser.driver().switchTo().window(tab);
		await().atMost(PATIENCE).until(() -> desktops.find(desktop).map(Desktop::connections).orElse(-1) == 0);
		browser.open("/desktop");
		screen.awaitConnected();

		assertThat(desktops.mine(person)).get().extracting(Desktop::id).isEqualTo(desktop);
		assertThat(running(desktop, "mousepad")).contains(editor);
		assertThat(DesktopProcesses.running(editor)).isTrue();
		await().atMost(PATIENCE).until(() -> screen.pixel(IN_EDITOR[0], IN_EDITOR[1]).equals(DesktopScreen.WHITE));
		screenshot("my-computer-again.png");
	}

	@Test
	void aScreenAreaOfFractionalPixelsResizesTheDesktopOnceNotOverAndOver() throws Exception {
		browser.logIn(student.username(), student.initialPassword());
		browser.open("/desktop");
		screen.awaitConnected();
		var desktop = desktops.mine(person).orElseThrow().id();

		// The bar above the screen a fraction of a pixel taller, as its fonts often make it.
		browser.driver().executeScript(
				"document.querySelector('.desktop-bar').style.paddingBottom = 'calc(.3rem + 0.45px)'");
		var connection = desktops.connect(desktop);
		try (var viewer = RfbClient.open(connection.channel(), connection.vncPassword());
				var reading = Executors.newVirtualThreadPerTaskExecutor()) {
			viewer.requestUpdate(false);
			reading.submit(() -> {
				while (true) {
					if (viewer.read()) {
						viewer.requestUpdate(true);
					}
				}
			});
			// Once the desktop has the page's size and the page shows it, noVNC, which asks ten times a second while
			// the two differ, has had many chances to ask again.
			await().atMost(PATIENCE).until(() -> viewer.framebuffer().height() == (int) Math.floor(area())
					&& screen.height() == viewer.framebuffer().height());
			await().during(Duration.ofMillis(1500)).atMost(PATIENCE)
				.until(() -> viewer.rectangles(Encoding.DESKTOP_SIZE) < 2);
			viewer.close();

			assertThat(viewer.rectangles(Encoding.DESKTOP_SIZE)).as("times the desktop changed size").isLessThan(2);
			var area = area();
			assertThat(viewer.framebuffer().height()).isEqualTo((int) Math.floor(area));
		}
	}

	private double area() {
		return ((Number) browser.driver()
			.executeScript("return document.getElementById('screen-area').getBoundingClientRect().height"))
			.doubleValue();
	}

	private Optional<ProcessHandle> running(UUID desktop, String program) {
		return DesktopProcesses.named(DesktopProcesses.of(data, desktop), program);
	}

	/**
	 * Ctrl+S, the file's name, Enter. GTK's file chooser drops an Enter that follows the typed name at once (as with
	 * plain Xvnc and IceWM, outside any sandbox); a person presses it again while the dialog stays, and so does this
	 * test.
	 */
	private void saveAs(String name) {
		save();
		await().atMost(PATIENCE).until(() -> dialogShown());
		screen.type(name);
		screen.type(Keys.RETURN);
		for (int tries = 0; tries < 4 && !DesktopScreen.within(Duration.ofSeconds(3), () -> !dialogShown()); tries++) {
			screen.type(Keys.RETURN);
		}
	}

	private boolean dialogShown() {
		return DesktopScreen.isDrawn(screen.pixel(IN_SAVE_DIALOG[0], IN_SAVE_DIALOG[1]));
	}

	private void save() {
		new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("s").keyUp(Keys.CONTROL).perform();
	}

	private void screenshot(String name) {
		browser.screenshot(name, name.equals("desktop-zh-CN.png"));
	}
}
