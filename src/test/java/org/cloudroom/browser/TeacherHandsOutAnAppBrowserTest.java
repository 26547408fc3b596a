package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.Role;
import org.cloudroom.apps.Availability;
import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A teacher hands an installed app to their class while a student of the class is on their desktop: the app
 * appears in the student's start menu and as a desktop icon within seconds and starts from there; a student of
 * another class does not get it. Then the school admin changes the desktop profile's colour and then its wallpaper
 * image, which newly started desktops show, and rolls both back. With {@code -Dcloudroom.screenshots=docs/images} the catalog and the desktop go to the README's images.
 */
@BrowserTest
class TeacherHandsOutAnAppBrowserTest {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final Duration PATIENCE = Duration.ofSeconds(30);
	private static final String XTERM = "debian-xterm";
	private static final List<Integer> BLUE = List.of(0x2f, 0x7d, 0xe1);
	private static final List<Integer> ORANGE = List.of(0xaa, 0x33, 0x00);
	private static final List<Integer> GREEN = List.of(0x00, 0xa0, 0x3c);

	@RegisterExtension
	final Chromium student = new Chromium().speaking("zh-CN,zh");

	@RegisterExtension
	final Chromium staff = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Availability availability;

	@Autowired
	Classes classes;

	@Autowired
	Desktops desktops;

	@Value("${cloudroom.data}")
	Path data;

	private OpenSchool school;
	private String tag;
	private PersonId ming;
	private PersonId hong;

	@BeforeEach
	void aSchoolWithAMusicClassAndAnArtClass() throws Exception {
		tag = UUID.randomUUID().toString().substring(0, 6);
		school = OpenSchool.open(program, "Lotus Primary School", 10);
		peopleImport.importFile(school.id(), new ByteArrayInputStream("""
				username,given_name,family_name,role,class,password
				music-%1$s,老师,音乐,teacher,五年级一班,teacher-pass-1
				ming-%1$s,小明,王,student,五年级一班,student-pass-1
				hong-%1$s,小红,李,student,五年级二班,student-pass-2
				""".formatted(tag).getBytes(StandardCharsets.UTF_8)), false);
		ming = people.findByUsername("ming-" + tag).orElseThrow().id();
		hong = people.findByUsername("hong-" + tag).orElseThrow().id();
	}

	@AfterEach
	void shutDownTheDesktops() {
		desktops.stop(ming, DesktopStopped.Reason.OWNER);
		desktops.stop(hong, DesktopStopped.Reason.OWNER);
	}

	@Test
	void theClassFindsTheAppInItsRunningDesktopsAndAProfileChangeReachesNewDesktopsUntilRolledBack()
			throws Exception {
		staff.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
		staff.logIn("admin", "operator-test-password");
		staff.open("/apps");
		screenshot(staff, "apps-catalog.png");
		staff.open("/schools/" + school.id() + "/apps");
		staff.find("#app-" + XTERM + " form button").click();
		staff.await(d -> d.findElement(By.cssSelector(".notice.ok")));
		staff.logOut();

		student.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
		student.logIn("ming-" + tag, "student-pass-1");
		student.find("#my-computer").click();
		awaitDesktop();
		var desktop = desktops.mine(ming).orElseThrow().id();

		staff.logIn("music-" + tag, "teacher-pass-1");
		staff.open("/classes/" + classId("五年级一班") + "/apps");
		staff.find("#offered-app-" + XTERM + " button").click();
		staff.await(d -> d.findElement(By.cssSelector("#class-app-" + XTERM)));
		screenshot(staff, "apps-class.png");

		await().atMost(PATIENCE).until(() -> Files.readString(runDirectory(desktop).resolve("icewm/menu"))
			.startsWith("prog \"XTerm\""));
		var icons = data.resolve("desktops/.look").resolve(desktop.toString()).resolve("icons");
		assertThat(icons.resolve("program-00-xterm.desktop")).content().contains("Name=XTerm\n");
		try (var shown = Files.list(icons)) {
			assertThat(shown.map(icon -> icon.getFileName().toString())).filteredOn(n -> n.startsWith("profile-"))
				.hasSize(3);
		}
		await().atMost(PATIENCE).until(() -> DesktopProcesses.named(DesktopProcesses.of(data, desktop), "pcmanfm")
			.isPresent());
		Thread.sleep(Duration.ofSeconds(2));
		screenshot(student, "desktop-class-apps-icons.png");
		openStartMenu();
		screenshot(student, "desktop-class-apps-menu.png");
		type(Keys.RETURN);
		// As a person would: when the menu closed without starting it (seen once on a busy machine), open it again.
		for (int tries = 0; tries < 4 && !started(desktop, "xterm"); tries++) {
			if (pixel(60, height() - 60).equals(BLUE)) {
				openStartMenu();
				type(Keys.RETURN);
			}
		}
		await().atMost(PATIENCE).until(() -> started(desktop, "xterm"));
		await().atMost(PATIENCE).until(() -> !pixel(200, 200).equals(BLUE));
		openStartMenu();
		screenshot(student, "desktop-class-apps.png");
		type(Keys.ESCAPE);

		var hongUser = new CloudroomUser(hong, school.id(), "hong-" + tag, Role.STUDENT);
		var hongsDesktop = desktops.startOrResume(hongUser, Locale.SIMPLIFIED_CHINESE).id();
		assertThat(Files.readString(runDirectory(hongsDesktop).resolve("icewm/menu"))).doesNotContain("XTerm");
		assertThat(availability.forPerson(hong, school.id())).isEmpty();

		staff.logOut();
		staff.logIn(school.admin().username(), school.admin().initialPassword());
		staff.open("/schools/" + school.id() + "/apps");
		staff.driver().executeScript("arguments[0].value = '#aa3300'", staff.find("input[name=wallpaper]"));
		staff.find("#save-profile").click();
		staff.await(d -> d.findElement(By.cssSelector("#versions")));
		student.await(d -> d.findElement(By.cssSelector("#new-configuration")).isDisplayed());
		assertThat(pixel(900, 300)).isEqualTo(BLUE);

		restartDesktop();
		assertThat(pixel(900, 300)).isEqualTo(ORANGE);
		Thread.sleep(Duration.ofSeconds(16));
		assertThat(student.find("#new-configuration").isDisplayed()).isFalse();

		var image = SCREENSHOTS.resolve("green-wallpaper.png").toAbsolutePath();
		Files.createDirectories(image.getParent());
		var green = new java.awt.image.BufferedImage(320, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var paint = green.createGraphics();
		paint.setColor(new java.awt.Color(GREEN.get(0), GREEN.get(1), GREEN.get(2)));
		paint.fillRect(0, 0, 320, 200);
		paint.dispose();
		javax.imageio.ImageIO.write(green, "png", image.toFile());
		staff.find("#wallpaper-image input[type=file]").sendKeys(image.toString());
		staff.find("#save-wallpaper-image").click();
		staff.await(d -> d.findElement(By.cssSelector("#remove-wallpaper-image")));
		staff.driver().executeScript("document.getElementById('profile').scrollIntoView()");
		screenshot(staff, "apps-school-profile.png");
		restartDesktop();
		await().atMost(PATIENCE).until(() -> pixel(900, 300).equals(GREEN));
		screenshot(student, "desktop-wallpaper-image.png");

		staff.find("#roll-back").click();
		staff.await(d -> d.findElement(By.cssSelector(".notice.ok")));
		restartDesktop();
		assertThat(pixel(900, 300)).isEqualTo(ORANGE);
		staff.find("#roll-back").click();
		staff.await(d -> d.findElement(By.cssSelector(".notice.ok")));
		restartDesktop();
		assertThat(pixel(900, 300)).isEqualTo(BLUE);
	}

	/** The student's desktop is shut down and My computer opened again: a new desktop starts. */
	private void restartDesktop() {
		desktops.stop(ming, DesktopStopped.Reason.OWNER);
		student.open("/desktop");
		awaitDesktop();
		await().atMost(PATIENCE).until(() -> !pixel(900, 300).equals(List.of(0, 0, 0)));
	}

	private String classId(String name) {
		return classes.findByName(school.id(), name).orElseThrow().id().toString();
	}

	private Path runDirectory(UUID desktop) {
		return data.resolve("desktops").resolve(desktop.toString());
	}

	private void awaitDesktop() {
		student.await(d -> d.findElement(By.cssSelector("#desktop-status[data-state=connected]")));
		await().atMost(PATIENCE).until(() -> !pixel(5, height() - 5).equals(List.of(0, 0, 0))
				&& !pixel(5, height() - 5).equals(BLUE));
	}

	/** Opens IceWM's start menu, whose first entry it selects, and waits until the menu is drawn. */
	/** Whether the program runs on the desktop within a few seconds. */
	private boolean started(java.util.UUID desktop, String program) throws InterruptedException {
		for (int wait = 0; wait < 25; wait++) {
			if (DesktopProcesses.named(DesktopProcesses.of(data, desktop), program).isPresent()) {
				return true;
			}
			Thread.sleep(200);
		}
		return false;
	}

	private void openStartMenu() {
		clickDesktop(12, height() - 12);
		await().atMost(PATIENCE).until(() -> !pixel(60, height() - 60).equals(BLUE));
	}

	private WebElement canvas() {
		return student.find("#screen canvas");
	}

	private int height() {
		return Integer.parseInt(canvas().getDomAttribute("height"));
	}

	private void clickDesktop(int x, int y) {
		var canvas = canvas();
		var rect = canvas.getRect();
		double scale = rect.getWidth() / Double.parseDouble(canvas.getDomAttribute("width"));
		new Actions(student.driver()).moveToElement(canvas, (int) Math.round(x * scale - rect.getWidth() / 2.0),
				(int) Math.round(y * scale - rect.getHeight() / 2.0)).click().perform();
	}

	private List<Integer> pixel(int x, int y) {
		@SuppressWarnings("unchecked")
		var rgb = (List<Long>) student.driver().executeScript(
				"const c = arguments[0].getContext('2d').getImageData(arguments[1], arguments[2], 1, 1).data;"
						+ " return [c[0], c[1], c[2]];", canvas(), x, y);
		return rgb.stream().map(Long::intValue).toList();
	}

	private void type(CharSequence... keys) {
		new Actions(student.driver()).sendKeys(keys).perform();
	}

	private static void screenshot(Chromium browser, String name) {
		browser.screenshot(SCREENSHOTS.resolve(name));
		var docs = System.getProperty("cloudroom.screenshots");
		if (docs != null && List.of("apps-catalog.png", "desktop-class-apps.png", "desktop-class-apps-icons.png",
				"apps-school-profile.png").contains(name)) {
			browser.screenshot(Path.of(docs).resolve(name));
		}
	}
}
