package org.cloudroom.desktops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.StudentTerminal;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.cloudroom.rfb.RfbClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real desktops looked at as their people would: what the window manager writes in Chinese is there to read, and the
 * taskbar's start button speaks the person's language. The screens go to {@code target/screenshots}.
 */
class DesktopInChineseTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final Duration PATIENCE = Duration.ofSeconds(20);
	/** The title bar of a window IceWM places in the top left corner, whatever the theme. */
	private static final int TITLE_BAR = 40;
	/** The taskbar at the bottom, whatever the theme, and the clock at its right end left out. */
	private static final int TASKBAR = 40;
	private static final int CLOCK = 150;

	@RegisterExtension
	final LocalDesktops desktops = new LocalDesktops("z-", 266_000);

	@Test
	void aWindowsChineseTitleIsWrittenOnItsTitleBarAndItsTaskbarButton() throws Exception {
		var student = desktops.spec("title-li", Locale.SIMPLIFIED_CHINESE, 800, 600);
		var desktop = desktops.start(student);
		var terminal = desktops.terminal(desktop, student);
		await().atMost(PATIENCE).until(() -> DesktopProcesses.named(LocalDesktops.tree(desktop), "icewm").isPresent());
		// a window whose title follows a file, the way an editor's follows its document
		terminal.start("exec xterm -xrm 'XTerm*utf8Title: true' -T 1 -n 1 -geometry 40x3+0+0 -e sh -c '"
				+ "while :; do t=$(cat /tmp/title 2>/dev/null); [ \"$t\" = \"$s\" ] || printf \"\\033]0;%s\\007\" \"$t\"; "
				+ "s=$t; sleep 0.2; done'");
		shown(terminal, "1");
		var ascii = settledScreen(desktop, "title-ascii.png");

		terminal.run("echo '未命名 1' > /tmp/title");
		shown(terminal, "未命名 1");
		var chinese = settledScreen(desktop, "title-chinese.png");

		// three characters more, each of a dozen pixels square, ink the title bar and the taskbar button
		assertThat(ink(chinese, 0, TITLE_BAR)).as("title bar")
			.isGreaterThan(ink(ascii, 0, TITLE_BAR) + 100);
		assertThat(ink(chinese, chinese.getHeight() - TASKBAR, chinese.getHeight())).as("taskbar")
			.isGreaterThan(ink(ascii, ascii.getHeight() - TASKBAR, ascii.getHeight()) + 100);
	}

	@Test
	void theStartButtonSays开始ToAPersonWhoSpeaksChineseAndStartToOneWhoSpeaksEnglish() throws Exception {
		var chinese = desktops.start(desktops.spec("start-wang", Locale.SIMPLIFIED_CHINESE, 800, 600));
		var english = desktops.start(desktops.spec("start-amy", Locale.ENGLISH, 800, 600));

		await().atMost(PATIENCE).until(() -> startButtonIs(screen(chinese, "start-zh.png"), "start.zh.png"));
		await().atMost(PATIENCE).until(() -> startButtonIs(screen(english, "start-en.png"), "start.png"));
		assertThat(startButtonIs(screen(chinese, "start-zh.png"), "start.png")).isFalse();
	}

	@Test
	void libreOfficeStartsWithoutTipsAndWritesInThePersonsLanguageUntilThePersonChangesIt() throws Exception {
		var chinese = desktops.spec("office-zhou", Locale.SIMPLIFIED_CHINESE, 800, 600);
		var english = desktops.spec("office-tom", Locale.ENGLISH, 800, 600);
		var changed = desktops.spec("office-hu", Locale.SIMPLIFIED_CHINESE, 800, 600);
		var own = Files.createDirectories(changed.home().resolve(".config/libreoffice/4/user"))
			.resolve("registrymodifications.xcu");
		Files.writeString(own, "<oor:items/>");
		desktops.start(chinese);
		desktops.start(english);
		var hers = desktops.start(changed);

		var settings = ".config/libreoffice/4/user/registrymodifications.xcu";
		await().atMost(PATIENCE).until(() -> Files.exists(chinese.home().resolve(settings))
				&& Files.exists(english.home().resolve(settings)));
		assertThat(chinese.home().resolve(settings)).content().contains(
				"<prop oor:name=\"ShowTipOfTheDay\" oor:op=\"fuse\"><value>false</value>",
				"<prop oor:name=\"ooLocale\" oor:op=\"fuse\"><value>zh-CN</value>",
				"<prop oor:name=\"ooSetupSystemLocale\" oor:op=\"fuse\"><value>zh-CN</value>",
				"<prop oor:name=\"DefaultLocale_CJK\" oor:op=\"fuse\"><value>zh-CN</value>");
		assertThat(english.home().resolve(settings)).content().contains(
				"<prop oor:name=\"ShowTipOfTheDay\" oor:op=\"fuse\"><value>false</value>",
				"<prop oor:name=\"ooLocale\" oor:op=\"fuse\"><value>en-US</value>");
		await().atMost(PATIENCE).until(() -> DesktopProcesses.named(LocalDesktops.tree(hers), "icewm").isPresent());
		assertThat(own).hasContent("<oor:items/>");
	}

	@Test
	void anEmojiHasAColourFontInTheDesktopRatherThanABox() throws Exception {
		var student = desktops.spec("emoji-ma", Locale.SIMPLIFIED_CHINESE, 800, 600);
		var terminal = desktops.terminal(desktops.start(student), student);

		// 😀, as the desktop's programs look for a font that has it
		var fonts = terminal.run("fc-list ':charset=1f600' family");

		assertThat(fonts.output()).contains("Noto Color Emoji");
	}

	/** Whether the bottom left corner of the screen shows the theme's start button of that picture. */
	private static boolean startButtonIs(BufferedImage screen, String picture) throws IOException {
		BufferedImage button;
		try (var in = DesktopInChineseTests.class.getResourceAsStream("/desktop/icewm/taskbar/" + picture)) {
			button = ImageIO.read(in);
		}
		for (int top = screen.getHeight() - button.getHeight(); top > screen.getHeight() - TASKBAR - 10; top--) {
			for (int left = 0; left < 8; left++) {
				if (shows(screen, button, left, top)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether the picture is on the screen at that place, each colour within what scaling to 8 bits may change. */
	private static boolean shows(BufferedImage screen, BufferedImage picture, int left, int top) {
		for (int y = 0; y < picture.getHeight(); y++) {
			for (int x = 0; x < picture.getWidth(); x++) {
				int a = screen.getRGB(left + x, top + y);
				int b = picture.getRGB(x, y);
				for (int shift = 0; shift < 24; shift += 8) {
					if (Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)) > 2) {
						return false;
					}
				}
			}
		}
		return true;
	}

	/** Waits until a window of that title shows. */
	private static void shown(StudentTerminal terminal, String title) throws Exception {
		var search = terminal.run("timeout " + PATIENCE.toSeconds() + " xdotool search --sync --onlyvisible --name '^"
				+ title + "$'");
		assertThat(search.exitCode()).as("a window titled " + title).isZero();
	}

	/**
	 * The screen once IceWM has drawn the new title: looks a moment apart until the title bar and the taskbar show
	 * the same twice running.
	 */
	private BufferedImage settledScreen(RunningDesktop desktop, String name) {
		var before = new AtomicReference<BufferedImage>();
		return await().atMost(PATIENCE).pollDelay(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(300))
			.until(() -> {
				var now = screen(desktop, name);
				var last = before.getAndSet(now);
				return last != null && drawn(last).equals(drawn(now)) ? now : null;
			}, Objects::nonNull);
	}

	private static List<Integer> drawn(BufferedImage screen) {
		return List.of(ink(screen, 0, TITLE_BAR), ink(screen, screen.getHeight() - TASKBAR, screen.getHeight()));
	}

	/** The whole screen as a viewer sees it, kept as a picture. */
	private BufferedImage screen(RunningDesktop desktop, String name) throws IOException {
		try (var viewer = RfbClient.open(desktops.provider().connect(desktop), null)) {
			viewer.requestUpdate(false);
			while (viewer.framebuffer().version() == 0) {
				viewer.read();
			}
			var screen = viewer.framebuffer();
			var image = new BufferedImage(screen.width(), screen.height(), BufferedImage.TYPE_INT_RGB);
			for (int y = 0; y < screen.height(); y++) {
				for (int x = 0; x < screen.width(); x++) {
					image.setRGB(x, y, screen.rgb(x, y));
				}
			}
			Files.createDirectories(SCREENSHOTS);
			ImageIO.write(image, "png", SCREENSHOTS.resolve(name).toFile());
			return image;
		}
	}

	/**
	 * How much is drawn in the rows from {@code top} to {@code bottom}, the clock's corner left out: the pixels that
	 * differ from their left neighbour, as each stroke of a character does twice.
	 */
	private static int ink(BufferedImage image, int top, int bottom) {
		int edges = 0;
		for (int y = top; y < bottom; y++) {
			for (int x = 1; x < image.getWidth() - CLOCK; x++) {
				if (image.getRGB(x, y) != image.getRGB(x - 1, y)) {
					edges++;
				}
			}
		}
		return edges;
	}
}
