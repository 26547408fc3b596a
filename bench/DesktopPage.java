import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/**
 * My computer in a headless Debian Chromium at 1366×768, watched from inside the page without touching its code:
 * a script run before the page's own wraps the WebSocket constructor (bytes of each message received, in buckets of
 * a second of the page's clock) and CanvasRenderingContext2D.drawImage (noVNC's Display.flip copies its back buffer
 * onto the visible canvas once per frame it shows: each such copy is a frame drawn), and notes each keydown.
 */
final class DesktopPage implements AutoCloseable {

	private static final String WATCH = """
			(() => {
			  const u = window.__uplink = { bytes: {}, frames: [], keys: [], opened: -1 };
			  // noVNC checks the socket's own prototype for WebSocket's properties: the socket stays a WebSocket
			  const Native = window.WebSocket;
			  function Watched(...args) {
			    const socket = new Native(...args);
			    socket.addEventListener('open', () => u.opened = performance.now());
			    socket.addEventListener('message', e => {
			      const d = e.data, n = d.byteLength ?? d.size ?? d.length ?? 0, s = Math.floor(performance.now() / 1000);
			      u.bytes[s] = (u.bytes[s] || 0) + n;
			    });
			    return socket;
			  }
			  Watched.prototype = Native.prototype;
			  Object.assign(Watched, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
			  window.WebSocket = Watched;
			  const draw = CanvasRenderingContext2D.prototype.drawImage;
			  CanvasRenderingContext2D.prototype.drawImage = function (source, ...rest) {
			    if (source instanceof HTMLCanvasElement && !source.isConnected && this.canvas.isConnected) {
			      u.frames.push(performance.now());
			    }
			    return draw.call(this, source, ...rest);
			  };
			  addEventListener('keydown', () => u.keys.push(performance.now()), true);
			})();""";

	final String base;
	final ChromeDriver driver;
	private final Path profile;

	DesktopPage(String base) throws IOException {
		this.base = base;
		this.profile = Files.createTempDirectory("uplink-chromium");
		var options = new ChromeOptions();
		options.setBinary(System.getProperty("cloudroom.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1366,768", "--user-data-dir=" + profile.resolve("profile"));
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		var service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("cloudroom.chromedriver", "/usr/bin/chromedriver")))
			.usingAnyFreePort().build();
		driver = new ChromeDriver(service, options);
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
		var inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(
				2 * 1366 - ((Number) inner.get(0)).intValue(), 2 * 768 - ((Number) inner.get(1)).intValue()));
	}

	void logIn(BenchSchool.Student student) {
		driver.get(base + "/login");
		driver.findElement(By.cssSelector("input[name=username]")).sendKeys(student.username());
		driver.findElement(By.cssSelector("input[name=password]")).sendKeys(student.password());
		driver.findElement(By.cssSelector(".password-login button[type=submit]")).click();
		await("the home page after logging in", Duration.ofSeconds(60),
				() -> !driver.getCurrentUrl().contains("/login"));
	}

	/**
	 * Milliseconds from the navigation to the page's scripts having run (DOMContentLoaded: module scripts run
	 * before it), to its WebSocket to the desktop being open, and to noVNC's first frame.
	 */
	record Opening(double scriptsRun, double socketOpen, double firstFrame) {
	}

	/** Opens My computer and waits for noVNC's first frame. */
	Opening openMyComputer(Duration patience) {
		driver.get(base + "/desktop");
		await("the desktop's first frame", patience, () -> number("return __uplink.frames.length") > 0);
		return new Opening(number("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"),
				number("return __uplink.opened"), number("return __uplink.frames[0]"));
	}

	double now() {
		return number("return performance.now()");
	}

	/** Bytes received in each whole second of the page's clock within [from, to) milliseconds. */
	List<Long> bytesPerSecond(double from, double to) {
		@SuppressWarnings("unchecked")
		var buckets = (List<Number>) driver.executeScript("""
				const [a, b] = arguments, out = [];
				for (let s = Math.ceil(a / 1000); (s + 1) * 1000 <= b; s++) out.push(__uplink.bytes[s] || 0);
				return out;""", from, to);
		return buckets.stream().map(Number::longValue).toList();
	}

	long framesBetween(double from, double to) {
		return (long) number("return __uplink.frames.filter(t => t >= arguments[0] && t < arguments[1]).length", from,
				to);
	}

	/** The page time of the first frame drawn after the time, or -1. */
	double firstFrameAfter(double time) {
		return number("const f = __uplink.frames.find(t => t > arguments[0]); return f === undefined ? -1 : f", time);
	}

	double lastKeyDown() {
		return number("return __uplink.keys.length ? __uplink.keys[__uplink.keys.length - 1] : -1");
	}

	/** Whether the taskbar is drawn in the bottom left corner: neither the background nor the black of no picture. */
	boolean taskbarDrawn() {
		int corner = pixel(5, height() - 5);
		return corner != 0x2f7de1 && corner != 0;
	}

	int height() {
		return Integer.parseInt(canvas().getDomAttribute("height"));
	}

	int width() {
		return Integer.parseInt(canvas().getDomAttribute("width"));
	}

	/** The colour of a desktop pixel as noVNC drew it, as 0xRRGGBB. */
	int pixel(int x, int y) {
		return (int) number("""
				const c = arguments[0].getContext('2d').getImageData(arguments[1], arguments[2], 1, 1).data;
				return (c[0] << 16) | (c[1] << 8) | c[2];""", canvas(), x, y);
	}

	void move(int x, int y) {
		at(x, y).perform();
	}

	void click(int x, int y) {
		at(x, y).click().perform();
	}

	/** Holds the button (with Alt, IceWM's move anywhere in a window) and drags by the offset in steps. */
	void altDrag(int x, int y, int dx, int dy, int steps) {
		var actions = new Actions(driver).keyDown(Keys.ALT);
		actions = at(actions, x, y).clickAndHold();
		for (int i = 1; i <= steps; i++) {
			actions = at(actions, x + dx * i / steps, y + dy * i / steps).pause(Duration.ofMillis(40));
		}
		actions.release().keyUp(Keys.ALT).perform();
	}

	void wheel(int x, int y, int deltaY) {
		var canvas = canvas();
		var rect = canvas.getRect();
		new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(canvas,
				x - rect.getWidth() / 2, y - rect.getHeight() / 2), 0, deltaY).perform();
	}

	void type(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
	}

	void chord(Keys modifier, CharSequence key) {
		new Actions(driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
	}

	void screenshot(Path file) throws IOException {
		Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
	}

	static void await(String what, Duration patience, BooleanSupplier condition) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("gave up waiting " + patience.toSeconds() + " s for " + what);
			}
			pause(100);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		catch (RuntimeException e) {
			System.err.println("chromium did not quit: " + e);
		}
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ignored) {
			// a temporary folder
		}
	}

	private Actions at(int x, int y) {
		return at(new Actions(driver), x, y);
	}

	private Actions at(Actions actions, int x, int y) {
		var canvas = canvas();
		var rect = canvas.getRect();
		double scale = rect.getWidth() / (double) width();
		return actions.moveToElement(canvas, (int) Math.round(x * scale - rect.getWidth() / 2.0),
				(int) Math.round(y * scale - rect.getHeight() / 2.0));
	}

	private double number(String script, Object... args) {
		return ((Number) driver.executeScript(script, args)).doubleValue();
	}

	private WebElement canvas() {
		return driver.findElement(By.cssSelector("#screen canvas"));
	}
}
