package org.cloudroom.browser;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium for one test, against the server of its {@link BrowserTest} context. Register it with
 * {@code @RegisterExtension}; the browser starts on first use, with a fresh profile and a fake webcam that shows
 * what the test {@linkplain #holdUpToCamera holds up}. A failed test leaves a screenshot in
 * {@code target/screenshots}; a page that broke its Content-Security-Policy fails the test, as something on it did
 * not load or run. The Debian chromium and chromium-driver are used, so nothing is downloaded.
 */
final class Chromium implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private String languages = "en-US,en";
	private boolean anyCertificate;
	private @Nullable Duration hurried;
	private @Nullable String base;
	private @Nullable Path profile;
	private @Nullable ChromeDriver driver;

	/** The Accept-Language the browser sends; set before the first page is opened. */
	Chromium speaking(String acceptLanguage) {
		if (driver != null) {
			throw new IllegalStateException("the browser has started already");
		}
		this.languages = acceptLanguage;
		return this;
	}

	/** Accepts any HTTPS certificate, as a computer that installed the server's own authority does. */
	Chromium trustingAnyCertificate() {
		this.anyCertificate = true;
		return this;
	}

	/**
	 * Runs the pages' repeating timers ({@code setInterval}) at most this far apart, as if their clock ran faster,
	 * and counts the JSON {@linkplain #answers answers} they read: a test then waits for a page's next check instead
	 * of sleeping through its interval. The pages themselves are unchanged.
	 */
	Chromium hurrying(Duration every) {
		if (driver != null) {
			throw new IllegalStateException("the browser has started already");
		}
		this.hurried = every;
		return this;
	}

	/** How many JSON answers of the path the page shown has read since it opened; counted by a hurrying browser. */
	long answers(String path) {
		return ((Number) driver().executeScript(
				"return (window.cloudroomAnswers || {})[new URL(arguments[0], location.href).pathname] || 0", path))
			.longValue();
	}

	ChromeDriver driver() {
		if (driver == null) {
			driver = start();
		}
		return driver;
	}

	/** Opens a path of the server, such as {@code /login}. */
	void open(String path) {
		driver().get(base + path);
	}

	/** The server's address, such as {@code http://localhost:41234}. */
	String base() {
		return java.util.Objects.requireNonNull(base, "the server's address is known once the test runs");
	}

	/** The path of the page shown, such as {@code /schools}, without query. */
	String path() {
		var url = driver().getCurrentUrl();
		return url.substring(base.length()).replaceFirst("[?#].*", "");
	}

	WebElement find(String css) {
		return driver().findElement(By.cssSelector(css));
	}

	/** Waits until the condition gives something other than null or false, and returns it. */
	<T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver(), PATIENCE).until(condition);
	}

	/** Sizes the window so that the page gets a viewport of the size, as a screen of that resolution shows it. */
	void viewport(int width, int height) {
		driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
		var inner = (java.util.List<?>) driver().executeScript("return [window.innerWidth, window.innerHeight]");
		driver().manage().window().setSize(new org.openqa.selenium.Dimension(
				2 * width - ((Number) inner.get(0)).intValue(), 2 * height - ((Number) inner.get(1)).intValue()));
	}

	/**
	 * Waits until the page has drawn two more frames: what it does on a resize or before a paint (its resize
	 * handlers, its ResizeObservers) has run.
	 */
	void awaitFrames() {
		driver().executeAsyncScript("requestAnimationFrame(() => requestAnimationFrame(arguments[arguments.length - 1]))");
	}

	/** Logs in with the login page's form and waits until the person's home has opened. */
	void logIn(String username, String password) {
		open("/login");
		find("input[name=username]").sendKeys(username);
		find("input[name=password]").sendKeys(password);
		find(".password-login button[type=submit]").click();
		await(d -> !path().equals("/login"));
	}

	void logOut() {
		find("form[action$='/logout'] button").click();
		await(d -> path().equals("/login"));
	}

	/** What the webcam shows from now on: the picture in the middle of a white 640×480 frame. */
	void holdUpToCamera(BufferedImage picture) {
		driver();
		Y4m.write(picture, camera());
	}

	void screenshot(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, driver().getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Takes the page into {@code target/screenshots}, and one for the README's images also into the folder that
	 * {@code -Dcloudroom.screenshots} names.
	 */
	void screenshot(String name, boolean forReadme) {
		screenshot(Path.of("target", "screenshots").resolve(name));
		var docs = System.getProperty("cloudroom.screenshots");
		if (docs != null && forReadme) {
			screenshot(Path.of(docs).resolve(name));
		}
	}

	/** Finds the server as {@code @LocalServerPort} does, so tests need not pass the port in. */
	@Override
	public void beforeEach(ExtensionContext context) {
		var port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		base = "http://localhost:" + port;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (driver != null && context.getExecutionException().isPresent()) {
			screenshot(Path.of("target", "screenshots",
					context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
							+ ".png"));
		}
		if (driver != null && context.getExecutionException().isEmpty()) {
			var refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
				.filter(message -> message.contains("Content Security Policy")).toList();
			if (!refused.isEmpty()) {
				throw new AssertionError("A page broke its Content-Security-Policy: " + refused);
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile.toFile());
			profile = null;
		}
	}

	private ChromeDriver start() {
		try {
			profile = Files.createTempDirectory("cloudroom-chromium");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var options = new ChromeOptions();
		options.setBinary(System.getProperty("cloudroom.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile.resolve("profile"),
				"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
				// Chromium opens the file only when a page starts the camera, so it may be written later.
				"--use-file-for-fake-video-capture=" + camera());
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
		options.setAcceptInsecureCerts(anyCertificate);
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		var service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("cloudroom.chromedriver", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		var started = new ChromeDriver(service, options);
		if (hurried != null) {
			started.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
					(() => {
					  const every = %d, setInterval = window.setInterval, json = Response.prototype.json;
					  window.setInterval = (task, ms, ...rest) => setInterval(task, Math.min(ms ?? 0, every), ...rest);
					  window.cloudroomAnswers = {};
					  Response.prototype.json = function () {
					    const path = new URL(this.url).pathname;
					    // Counted after the page's own code has taken the answer.
					    return json.call(this).then(value => {
					      setTimeout(() => window.cloudroomAnswers[path] = (window.cloudroomAnswers[path] || 0) + 1);
					      return value;
					    });
					  };
					})();""".formatted(hurried.toMillis())));
		}
		return started;
	}

	private Path camera() {
		return profile.resolve("camera.y4m").toAbsolutePath();
	}
}
