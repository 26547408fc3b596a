import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.Keys;

/**
 * What a student does on their desktop, scripted through My computer's page with keys and pointer as a person
 * would, at a person's pace; each runs until its time is up. Places are the desktop's own (IceWM's taskbar along the
 * bottom, zh-CN toolbar: start, files, text editor, web, terminal; a program's first window in the top left corner).
 */
final class DesktopWork {

	static final int START_X = 20;
	static final int FILES_X = 128;
	static final int EDITOR_X = 159;
	static final int TERMINAL_X = 221;
	/** A point inside the editor's text when IceWM opens its first window in the top left corner. */
	static final int[] IN_EDITOR = { 320, 300 };
	static final String FOLDER = "uplink";

	private final DesktopPage page;
	private final Path shots;

	DesktopWork(DesktopPage page, Path shots) {
		this.page = page;
		this.shots = shots;
	}

	private int taskbarY() {
		return page.height() - 14;
	}

	void idle(Duration time) {
		DesktopPage.pause(time.toMillis());
	}

	/** Opens the start menu and goes down it, opens the file manager and the terminal, moves each, closes it. */
	void menusProgramsAndWindows(Duration time) {
		long end = System.nanoTime() + time.toNanos();
		int round = 0;
		while (System.nanoTime() < end) {
			page.click(START_X, taskbarY());
			DesktopPage.pause(600);
			for (int item = 0; item < 6; item++) {
				page.move(START_X + 60, taskbarY() - 40 - item * 25);
				DesktopPage.pause(250);
			}
			shootOnce(round, "uplink-menu.png");
			page.type(Keys.ESCAPE);
			DesktopPage.pause(500);
			if (System.nanoTime() > end - 8_000_000_000L) {
				idleUntil(end); // too little time left for a window's round
				break;
			}
			page.click(round++ % 2 == 0 ? FILES_X : TERMINAL_X, taskbarY());
			DesktopPage.pause(2500);
			page.altDrag(300, 200, 260, 140, 15);
			shootOnce(round - 1, "uplink-window-moved.png");
			DesktopPage.pause(700);
			page.altDrag(560, 340, -260, -140, 15);
			DesktopPage.pause(700);
			page.chord(Keys.ALT, Keys.F4);
			DesktopPage.pause(1000);
		}
	}

	/** Opens the text editor from the taskbar and waits for its white page. */
	void openEditor() {
		page.click(EDITOR_X, taskbarY());
		DesktopPage.await("the text editor", Duration.ofSeconds(30),
				() -> page.pixel(IN_EDITOR[0], IN_EDITOR[1]) == 0xffffff);
		page.click(IN_EDITOR[0], IN_EDITOR[1]);
	}

	/** Four keys a second, lines of about forty characters. */
	void typingLinesThatFit(Duration time) {
		var text = "The river runs past the school. ";
		int column = 0;
		long start = System.nanoTime();
		for (int i = 0; System.nanoTime() - start < time.toNanos(); i++) {
			paceTo(start, i, 250);
			if (column++ >= 40 && text.charAt(i % text.length()) == ' ') {
				page.type(Keys.ENTER);
				column = 0;
			}
			else {
				page.type(String.valueOf(text.charAt(i % text.length())));
			}
		}
		page.type(Keys.ENTER);
	}

	private static final String LONG_LINE = "and the river runs on past the fields and the hills ";

	/** Types, at once, a line wider than the editor's window, and waits for the screen to be still. */
	void startALongLine() {
		page.type(LONG_LINE.repeat(5));
		settle(Duration.ofSeconds(20));
	}

	/** Four keys a second onto the end of a line wider than the window (see {@link #startALongLine}). */
	void typingPastTheWindowsWidth(Duration time) {
		var text = LONG_LINE;
		long start = System.nanoTime();
		for (int i = 0; System.nanoTime() - start < time.toNanos(); i++) {
			paceTo(start, i, 250);
			page.type(String.valueOf(text.charAt(i % text.length())));
		}
		page.type(Keys.ENTER);
	}

	/** The desktop's web browser on a page of its home, started from the terminal, as a student may. */
	void openWebPage(String username, String file) {
		page.click(TERMINAL_X, taskbarY());
		DesktopPage.pause(3000);
		// the keyring prompt a new profile would raise is not what is measured here (issue #17 lists it apart)
		page.type("x-www-browser --password-store=basic --no-first-run /home/" + username + "/" + FOLDER + "/" + file
				+ " &", Keys.ENTER);
		page.type("exit", Keys.ENTER);
		// the page's white where a starting browser's window is grey, then its text drawn
		DesktopPage.await("the web page in the desktop's browser", Duration.ofSeconds(90),
				() -> page.pixel(500, 400) == 0xffffff);
		settle(Duration.ofSeconds(30));
	}

	/** Reads down a long page with the wheel, a notch every 200 ms, and back up half way through. */
	void scrolling(Duration time) {
		int x = page.width() / 2, y = page.height() / 2;
		page.click(x, y);
		long start = System.nanoTime();
		boolean down = true;
		for (int i = 0; System.nanoTime() - start < time.toNanos(); i++) {
			paceTo(start, i, 200);
			if (down && System.nanoTime() - start >= time.toNanos() / 2) {
				down = false;
				shootOnce(0, "uplink-web-page-scrolled.png");
			}
			page.wheel(x, y, down ? 100 : -100);
		}
	}

	/** Reads down a long page as a person reads: five notches of the wheel in a second, then five seconds still. */
	void reading(Duration time) {
		int x = page.width() / 2, y = page.height() / 2;
		page.click(x, y);
		long start = System.nanoTime();
		for (int i = 0; System.nanoTime() - start < time.toNanos(); i++) {
			paceTo(start, i, 200);
			if (i % 30 < 5) {
				page.wheel(x, y, 100);
			}
		}
		shootOnce(0, "uplink-web-page-read.png");
	}

	/** Goes to the animation page in the same browser tab, through its address bar, and moves the pointer away. */
	void openAnimation(String username) {
		page.chord(Keys.CONTROL, "l");
		DesktopPage.pause(500);
		page.type("file:///home/" + username + "/" + FOLDER + "/animation.html", Keys.ENTER);
		page.click(page.width() - 5, page.height() / 2);
		DesktopPage.await("the animation playing", Duration.ofSeconds(60), () -> {
			double now = page.now();
			return page.framesBetween(now - 1000, now) >= 10;
		});
	}

	/** Waits until the page has drawn no frame for two seconds, at most the patience. */
	void settle(Duration patience) {
		long end = System.nanoTime() + patience.toNanos();
		while (System.nanoTime() < end) {
			double now = page.now();
			if (page.framesBetween(now - 2000, now + 1) == 0) {
				return;
			}
			DesktopPage.pause(250);
		}
	}

	private static void idleUntil(long end) {
		long left = end - System.nanoTime();
		if (left > 0) {
			DesktopPage.pause(left / 1_000_000);
		}
	}

	/** A screenshot in the first round only, to see that the script does what it should. */
	private void shootOnce(int round, String name) {
		if (round == 0) {
			try {
				page.screenshot(shots.resolve(name));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private static void paceTo(long start, int i, long everyMillis) {
		long wait = start + i * everyMillis * 1_000_000 - System.nanoTime();
		if (wait > 0) {
			DesktopPage.pause(wait / 1_000_000);
		}
	}

	/** A long article to read: headings, paragraphs and lists, about 600 screens of text. */
	static byte[] longPage() {
		var html = new StringBuilder("<!doctype html><meta charset=utf-8><title>A long page</title>"
				+ "<body style='font:16px/1.5 sans-serif;max-width:46em;margin:2em auto'>");
		var words = ("river school field hill teacher lesson village road harvest rain garden market bridge "
				+ "mountain river morning evening story book window lamp kite bicycle well orchard").split(" ");
		for (int section = 1; section <= 200; section++) {
			html.append("<h2>Chapter ").append(section).append("</h2>");
			for (int p = 0; p < 6; p++) {
				html.append("<p>");
				for (int w = 0; w < 90; w++) {
					html.append(words[(section * 31 + p * 17 + w * 7) % words.length]).append(' ');
				}
				html.append("</p>");
			}
			html.append("<ul><li>first point</li><li>second point</li><li>third point</li></ul>");
		}
		return html.append("</body>").toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A small animation: 480×270 at 25 frames a second, coloured shapes moving over a shifting gradient. */
	static byte[] animation() {
		return """
				<!doctype html><meta charset=utf-8><title>Animation</title>
				<body style="margin:0;background:#fff;display:grid;place-items:center;height:100vh">
				<canvas id=c width=480 height=270></canvas>
				<script>
				const c = document.getElementById('c').getContext('2d');
				let f = 0;
				setInterval(() => {
				  f++;
				  const g = c.createLinearGradient(0, 0, 480, 270);
				  g.addColorStop(0, `hsl(${f % 360},70%,55%)`);
				  g.addColorStop(1, `hsl(${(f + 120) % 360},70%,45%)`);
				  c.fillStyle = g;
				  c.fillRect(0, 0, 480, 270);
				  for (let i = 0; i < 6; i++) {
				    c.fillStyle = `hsl(${(i * 60 + f * 2) % 360},80%,60%)`;
				    c.beginPath();
				    c.arc(240 + 180 * Math.sin((f + i * 20) / 25), 135 + 90 * Math.cos((f + i * 33) / 19), 24, 0, 7);
				    c.fill();
				  }
				  c.fillStyle = '#fff';
				  c.font = '20px sans-serif';
				  c.fillText('frame ' + f, 12, 28);
				}, 40);
				</script>""".getBytes(StandardCharsets.UTF_8);
	}
}
