import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long My computer takes to open on a far, thin link (issue #17): in a real Chromium whose network DevTools
 * emulates the link (latency and throughput both ways, Network.emulateNetworkConditions), the time from navigating
 * from the home page to the desktop page until noVNC has drawn the desktop's first frame; the requests and bytes the
 * page cost (Resource Timing: transferSize, headers included) and the "waves" of its scripts (requests that start
 * more than half a round trip after the one before: each level of an ES module graph that is discovered level by
 * level costs one). The desktop is started beforehand, so the figure is what the page costs, not the desktop.
 * A first open is in a fresh browser profile (nothing cached); a later open is the same browser opening it again.
 *   java -cp <test classpath> bench/MyComputerOpenBench.java base operatorPassword rounds latencyMs kbitPerSecond
 */
public class MyComputerOpenBench {

	static final HttpClient http = HttpClient.newHttpClient();
	static String base;
	static int latency;

	/** Notes when noVNC has drawn something (not the black of no picture yet) in the middle of the screen. */
	static final String FIRST_FRAME = """
			(() => {
			  // noVNC's top-level await: whether WebCodecs can decode H.264, asked once as its modules load
			  if (window.VideoDecoder) {
			    const ask = VideoDecoder.isConfigSupported, flush = VideoDecoder.prototype.flush;
			    const done = () => window.benchCodecsKnown = performance.now();
			    VideoDecoder.isConfigSupported = function (config) {
			      window.benchCodecsAsked ??= performance.now();
			      return ask.call(this, config).finally(done);
			    };
			    VideoDecoder.prototype.flush = function () { return flush.call(this).finally(done); };
			  }
			  const look = () => {
			    const canvas = document.querySelector('#screen canvas');
			    if (canvas && canvas.width > 0) {
			      const c = canvas.getContext('2d').getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data;
			      if (c[3] > 0 && (c[0] || c[1] || c[2])) { window.benchFirstFrame = performance.now(); return; }
			    }
			    requestAnimationFrame(look);
			  };
			  requestAnimationFrame(look);
			})();""";

	static final String RESOURCES = """
			return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
			  .map(e => [e.name, e.initiatorType, e.startTime, e.transferSize, e.encodedBodySize, e.responseEnd]);""";

	public static void main(String[] args) throws Exception {
		base = args[0];
		var operator = token("admin", args[1]);
		int rounds = Integer.parseInt(args[2]);
		latency = Integer.parseInt(args[3]);
		int kbit = Integer.parseInt(args[4]);
		var stamp = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		var school = field(post("/api/v1/schools", operator, "{\"name\":\"Open " + stamp + "\",\"accountQuota\":5}"),
				"id");
		var imported = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + school + "/people/import"))
			.header("Authorization", "Bearer " + operator).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username,given_name,family_name,role,class\no" + stamp + ",Student,Open,student,Open class\n"))
			.build());
		var m = Pattern.compile("\"username\":\"([^\"]+)\".*?\"initialPassword\":\"([^\"]+)\"").matcher(imported);
		m.find();
		String username = m.group(1), password = m.group(2);
		post("/api/v1/desktops/mine", token(username, password), "");
		System.out.printf(Locale.ROOT, "link: %d ms latency, %d kbit/s down and up; %d rounds%n", latency, kbit, rounds);
		var first = new ArrayList<Double>();
		var later = new ArrayList<Double>();
		// The desktop's session starts with its first viewer (screen first): a first open, unthrottled and not
		// counted, leaves it running as a student's desktop is when they come back to it.
		round(username, password, 0, 0, "warm-up", new ArrayList<>(), new ArrayList<>());
		for (int round = 1; round <= rounds; round++) {
			round(username, password, latency, kbit, "round " + round, first, later);
		}
		System.out.printf(Locale.ROOT, "median: first open %.2f s, later open %.2f s%n", median(first), median(later));
	}

	/** A fresh browser logs in, then opens My computer twice over the link; 0 kbit/s is no emulation. */
	static void round(String username, String password, int latency, int kbit, String label, List<Double> first,
			List<Double> later) throws Exception {
		var profile = Files.createTempDirectory("bench-chromium");
		var options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--no-first-run", "--window-size=1366,768",
				"--user-data-dir=" + profile);
		var driver = new ChromeDriver(new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
		try {
			driver.get(base + "/login");
			driver.findElement(By.name("username")).sendKeys(username);
			driver.findElement(By.name("password")).sendKeys(password);
			driver.findElement(By.cssSelector(".password-login button[type=submit]")).click();
			new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
			driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FIRST_FRAME));
			if (kbit > 0) {
				driver.executeCdpCommand("Network.enable", Map.of());
				driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency",
						latency, "downloadThroughput", kbit * 1000 / 8, "uploadThroughput", kbit * 1000 / 8));
			}
			first.add(open(driver, label + ", first open"));
			driver.get(base + "/");
			later.add(open(driver, label + ", later open"));
		}
		finally {
			driver.quit();
			org.springframework.util.FileSystemUtils.deleteRecursively(profile);
		}
	}

	/** Opens My computer and waits for the first frame; prints what it cost and returns the seconds it took. */
	static double open(ChromeDriver driver, String label) {
		driver.get(base + "/desktop");
		var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
		double millis = ((Number) wait.until(d -> driver.executeScript("return window.benchFirstFrame"))).doubleValue();
		@SuppressWarnings("unchecked")
		var entries = (List<List<Object>>) driver.executeScript(RESOURCES);
		long bytes = 0, scriptBytes = 0;
		int scripts = 0, waves = 0;
		double lastStart = -1e9;
		var starts = new ArrayList<Double>();
		for (var e : entries) {
			if (System.getenv("BENCH_DETAIL") != null) {
				System.out.printf(Locale.ROOT, "  %-60s %-10s start %6.0f ms, end %6.0f ms, %6d B%n", e.get(0),
						e.get(1), ((Number) e.get(2)).doubleValue(), ((Number) e.get(5)).doubleValue(),
						((Number) e.get(3)).longValue());
			}
			bytes += ((Number) e.get(3)).longValue();
			if (e.get(0).toString().endsWith(".js")) {
				scripts++;
				scriptBytes += ((Number) e.get(3)).longValue();
				starts.add(((Number) e.get(2)).doubleValue());
			}
		}
		starts.sort(null);
		for (double start : starts) {
			if (start - lastStart > latency / 2.0) {
				waves++;
			}
			lastStart = start;
		}
		var codecs = (List<?>) driver.executeScript("return [window.benchCodecsAsked, window.benchCodecsKnown]");
		if (codecs.get(0) != null && codecs.get(1) != null) {
			System.out.printf(Locale.ROOT, "%s: noVNC asked WebCodecs at %.2f s, knew at %.2f s%n", label,
					((Number) codecs.get(0)).doubleValue() / 1000, ((Number) codecs.get(1)).doubleValue() / 1000);
		}
		System.out.printf(Locale.ROOT,
				"%s: first frame at %.2f s; %d requests, %.1f KB transferred; scripts: %d requests, %.1f KB, %d waves%n",
				label, millis / 1000, entries.size(), bytes / 1024.0, scripts, scriptBytes / 1024.0, waves);
		return millis / 1000;
	}

	static String token(String username, String password) throws Exception {
		return field(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.build()), "token");
	}

	static String post(String path, String token, String json) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
		if (!json.isEmpty()) {
			builder.header("Content-Type", "application/json");
		}
		return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)).build());
	}

	static String send(HttpRequest request) throws Exception {
		var response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static String field(String json, String name) {
		var m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	static double median(List<Double> values) {
		var sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}
}
