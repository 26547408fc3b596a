package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
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

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final Duration PATIENCE = Duration.ofSeconds(20);
	/** The desktop's background (icewm/preferences), where no window is. */
	private static final List<Integer> BACKGROUND = List.of(0x2f, 0x7d, 0xe1);
	/** The taskbar's text editor button (icewm/toolbar.zh), the second after the start button (themes/cloudroom). */
	private static final int EDITOR_BUTTON_X = 159;
	/** A point inside the editor's text when IceWM opens its first window, in the top left corner. */
	private static final int[] IN_EDITOR = { 320, 300 };
	/** A point inside the save dialog, which IceWM places over most of the screen, but not the editor. */
	private static final int[] IN_SAVE_DIALOG = { 900, 300 };

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

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
		student = peopleImport.importFile(school.id(),
				new ByteArrayInputStream(list.csv().getBytes(StandardCharsets.UTF_8)), false).people().getFirst();
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
		awaitConnected();
		await().atMost(PATIENCE).until(() -> isDrawn(pixel(5, height() - 5)));
		screenshot("desktop-zh-CN.png");
		var desktop = desktops.mine(person).orElseThrow().id();

		// The desktop's icons come with the taskbar; their window takes the focus when it appears.
		await().atMost(PATIENCE).until(() -> DesktopProcesses.named(DesktopProcesses.of(data, desktop), "pcmanfm")
			.isPresent());
		Thread.sleep(1000);
		clickDesktop(EDITOR_BUTTON_X, height() - 22);
		await().atMost(PATIENCE).until(() -> pixel(IN_EDITOR[0], IN_EDITOR[1]).equals(List.of(255, 255, 255)));
		var editor = DesktopProcesses.named(DesktopProcesses.of(data, desktop), "mousepad").orElseThrow();
		type("Cloudroom is my computer in the cloud. ");
		saveAs("diary.txt");
		var diary = homes.of(person).resolve("diary.txt");
		await().atMost(PATIENCE).until(() -> Files.exists(diary) && Files.readString(diary).contains("cloud."));

		// The input method starts after the taskbar, at a lower priority; when it is ready is not to be seen from
		// outside, so it gets a moment after its process appears (a busy machine makes that moment longer).
		await().atMost(PATIENCE).until(() -> DesktopProcesses.named(DesktopProcesses.of(data, desktop), "fcitx5")
			.isPresent());
		Thread.sleep(3000);
		new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(" ").keyUp(Keys.CONTROL).perform();
		type("nihao", " ");
		save();

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
		awaitConnected();

		assertThat(desktops.mine(person)).get().extracting(Desktop::id).isEqualTo(desktop);
		assertThat(DesktopProcesses.named(DesktopProcesses.of(data, desktop), "mousepad")).contains(editor);
		assertThat(DesktopProcesses.running(editor)).isTrue();
		await().atMost(PATIENCE).until(() -> pixel(IN_EDITOR[0], IN_EDITOR[1]).equals(List.of(255, 255, 255)));
		screenshot("my-computer-again.png");
	}

	@Test
	void aScreenAreaOfFractionalPixelsResizesTheDesktopOnceNotOverAndOver() throws Exception {
		browser.logIn(student.username(), student.initialPassword());
		browser.open("/desktop");
		awaitConnected();
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
			Thread.sleep(3000);
			viewer.close();

			assertThat(viewer.rectangles(Encoding.DESKTOP_SIZE)).as("times the desktop changed size").isLessThan(2);
			var area = ((Number) browser.driver()
				.executeScript("return document.getElementById('screen-area').getBoundingClientRect().height"))
				.doubleValue();
			assertThat(viewer.framebuffer().height()).isEqualTo((int) Math.floor(area));
		}
	}

	private void awaitConnected() {
		browser.await(d -> d.findElement(By.cssSelector("#desktop-status[data-state=connected]")));
	}

	/**
	 * Ctrl+S, the file's name, Enter. A person pauses before Enter, and so does this test: GTK's file chooser drops
	 * an Enter that follows the typed name at once (as with plain Xvnc and IceWM, outside any sandbox).
	 */
	private void saveAs(String name) throws InterruptedException {
		save();
		await().atMost(PATIENCE).until(() -> isDrawn(pixel(IN_SAVE_DIALOG[0], IN_SAVE_DIALOG[1])));
		type(name);
		Thread.sleep(1500);
		type(Keys.RETURN);
	}

	private void save() {
		new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("s").keyUp(Keys.CONTROL).perform();
	}

	private WebElement canvas() {
		return browser.find("#screen canvas");
	}

	private int height() {
		return Integer.parseInt(canvas().getDomAttribute("height"));
	}

	/** Clicks the desktop at a point of its screen, wherever the page shows it and at whatever scale. */
	private void clickDesktop(int x, int y) {
		var canvas = canvas();
		var rect = canvas.getRect();
		double scale = rect.getWidth() / Double.parseDouble(canvas.getDomAttribute("width"));
		new Actions(browser.driver()).moveToElement(canvas, (int) Math.round(x * scale - rect.getWidth() / 2.0),
				(int) Math.round(y * scale - rect.getHeight() / 2.0)).click().perform();
	}

	/** The colour of a point of the desktop's screen as noVNC drew it, as red, green and blue. */
	private List<Integer> pixel(int x, int y) {
		@SuppressWarnings("unchecked")
		var rgb = (List<Long>) browser.driver().executeScript(
				"const c = arguments[0].getContext('2d').getImageData(arguments[1], arguments[2], 1, 1).data;"
						+ " return [c[0], c[1], c[2]];", canvas(), x, y);
		return rgb.stream().map(Long::intValue).toList();
	}

	/** Whether something is drawn there: neither the desktop's background nor the black of no picture yet. */
	private static boolean isDrawn(List<Integer> rgb) {
		return !rgb.equals(BACKGROUND) && !rgb.equals(List.of(0, 0, 0));
	}

	private void type(CharSequence... keys) {
		new Actions(browser.driver()).sendKeys(keys).perform();
	}

	private void screenshot(String name) {
		browser.screenshot(SCREENSHOTS.resolve(name));
		var docs = System.getProperty("cloudroom.screenshots");
		if (docs != null && name.equals("desktop-zh-CN.png")) {
			browser.screenshot(Path.of(docs).resolve(name));
		}
	}
}
