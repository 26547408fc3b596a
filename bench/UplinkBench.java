import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The uplink a desktop needs, measured in real Chromium (issue #17; run by bench/uplink.sh against a running
 * server): per scripted workload, the bytes a second My computer's WebSocket receives (median and p95 of whole
 * seconds) and the frames a second noVNC draws; then, on a shaped loopback link, how long My computer takes to open
 * and how long a typed key takes to show.
 *   UplinkBench base operator-password parts(workloads,link) seconds mbit one-way-ms keys  screenshots-folder
 *     seats seats-mbit
 */
public class UplinkBench {

	record Row(String workload, List<Long> perSecond, long frames, double seconds, String load) {
	}

	private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

	public static void main(String[] args) throws Exception {
		var base = args[0];
		var parts = List.of(args[2].split(","));
		var seconds = Duration.ofSeconds(Long.parseLong(args[3]));
		double mbit = Double.parseDouble(args[4]);
		long oneWay = Long.parseLong(args[5]);
		int keys = Integer.parseInt(args[6]);
		var shots = Path.of(args[7]);
		SELENIUM.setLevel(java.util.logging.Level.SEVERE); // not its warning that it has no CDP classes for this Chromium
		// a run that is stopped (uplink.sh's time limit) leaves no Chromium behind
		Runtime.getRuntime().addShutdownHook(new Thread(
				() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
		int seats = Integer.parseInt(args[8]);
		var school = new BenchSchool(base, args[1], 2 + seats);
		var setting = System.getenv("BENCH_SCHOOL_SETTING");
		if (setting != null && !setting.isBlank()) {
			school.applySetting(setting);
		}
		try {
			if (parts.contains("workloads")) {
				workloads(base, school, school.students.get(0), seconds, shots);
			}
			if (parts.contains("link")) {
				link(base, school, school.students.get(1), mbit, oneWay, keys, shots);
			}
			if (seats > 0) {
				SharedLinkSeats.run(base, school, school.students.subList(2, 2 + seats), Double.parseDouble(args[9]),
						oneWay, seconds, shots);
			}
		}
		finally {
			school.students.forEach(school::stopDesktop);
		}
	}

	static void workloads(String base, BenchSchool school, BenchSchool.Student student, Duration seconds, Path shots)
			throws Exception {
		school.upload(student, DesktopWork.FOLDER + "/long.html", DesktopWork.longPage());
		school.upload(student, DesktopWork.FOLDER + "/animation.html", DesktopWork.animation());
		var rows = new ArrayList<Row>();
		try (var page = new DesktopPage(base)) {
			var work = new DesktopWork(page, shots);
			try {
				page.logIn(student);
				page.openMyComputer(Duration.ofSeconds(90));
				// the session's programs come up after the first frame: the taskbar, the icons, the input method
				DesktopPage.await("the taskbar", Duration.ofSeconds(60), page::taskbarDrawn);
				DesktopPage.pause(10_000);
				work.settle(Duration.ofSeconds(20));
				page.screenshot(shots.resolve("uplink-desktop.png"));
				rows.add(measure(page, "idle", seconds, work::idle));
				rows.add(measure(page, "opening menus and programs, moving windows", seconds,
						work::menusProgramsAndWindows));
				work.settle(Duration.ofSeconds(10));
				work.openEditor();
				rows.add(measure(page, "typing in the text editor, line fits", seconds, work::typingLinesThatFit));
				work.startALongLine();
				rows.add(measure(page, "typing past the window's width", seconds, work::typingPastTheWindowsWidth));
				page.screenshot(shots.resolve("uplink-editor.png"));
				work.openWebPage(student.username(), "long.html");
				page.screenshot(shots.resolve("uplink-web-page.png"));
				rows.add(measure(page, "scrolling a long web page in the desktop's browser", seconds, work::scrolling));
				work.settle(Duration.ofSeconds(10));
				rows.add(measure(page, "reading it: five notches down, then five seconds still", seconds,
						work::reading));
				work.openAnimation(student.username());
				page.screenshot(shots.resolve("uplink-animation.png"));
				rows.add(measure(page, "a small animation playing (480×270, 25 fps)", seconds, work::idle));
			}
			catch (RuntimeException e) {
				page.screenshot(shots.resolve("uplink-failed.png"));
				throw e;
			}
			finally {
				print(rows);
			}
		}
	}

	static Row measure(DesktopPage page, String workload, Duration time, Consumer<Duration> work) {
		double from = page.now();
		work.accept(time);
		double to = page.now();
		var row = new Row(workload, page.bytesPerSecond(from, to), page.framesBetween(from, to), (to - from) / 1000,
				load());
		System.out.printf(Locale.ROOT, "  measured: %s, %.0f s, load %s%n", workload, row.seconds(), row.load());
		return row;
	}

	static void print(List<Row> rows) {
		System.out.println();
		System.out.println("| what the student does | median Mbit/s | p95 Mbit/s | max Mbit/s | MB in all | frames drawn a second | load (1 min) |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (var row : rows) {
			var sorted = row.perSecond().stream().sorted().toList();
			long total = sorted.stream().mapToLong(Long::longValue).sum();
			System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.2f | %.1f | %s |%n", row.workload(),
					mbit(percentile(sorted, 0.5)), mbit(percentile(sorted, 0.95)), mbit(sorted.getLast()), total / 1e6,
					row.frames() / row.seconds(), row.load());
		}
		System.out.println("(bytes: WebSocket message payloads the page received, per whole second; frames: noVNC's "
				+ "flips onto the visible canvas)");
	}

	/**
	 * My computer opened over the shaped link: first with an empty cache while the desktop still has to start, then
	 * again (cache warm, desktop running), then from a fresh browser profile (cache empty, desktop running); and the
	 * time from each of the keys typed into the text editor to the first frame drawn after it.
	 */
	static void link(String base, BenchSchool school, BenchSchool.Student student, double mbit, long oneWay, int keys,
			Path shots) throws Exception {
		var server = URI.create(base);
		try (var link = new ShapedLink(new InetSocketAddress(server.getHost(), server.getPort()), mbit, oneWay)) {
			var shaped = "http://127.0.0.1:" + link.port();
			System.out.printf(Locale.ROOT, "%nshaped link: %.1f Mbit/s and %d ms each way (%d ms round trip), load %s%n",
					mbit, oneWay, 2 * oneWay, load());
			try (var page = new DesktopPage(shaped)) {
				page.logIn(student);
				open(page, link, "first open (empty cache, desktop starting)");
				page.driver.get(shaped + "/");
				open(page, link, "later open (cache warm, desktop running)");
				page.driver.get(shaped + "/");
				open(page, link, "later open again (cache warm, desktop running)");
			}
			try (var page = new DesktopPage(shaped)) {
				page.logIn(student);
				open(page, link, "first open in a new browser (empty cache, desktop running)");
				DesktopPage.await("the taskbar", Duration.ofSeconds(60), page::taskbarDrawn);
				var work = new DesktopWork(page, shots);
				work.settle(Duration.ofSeconds(20));
				work.openEditor();
				work.settle(Duration.ofSeconds(10));
				var typed = KeyToGlyph.type(page, keys, Duration.ofSeconds(keys * 3L));
				System.out.println("key to glyph (" + typed.describe() + ")");
				if (typed.sortedMillis().isEmpty()) {
					throw new IllegalStateException("no key typed showed on the desktop");
				}
				page.screenshot(shots.resolve("uplink-link-editor.png"));
			}
		}
	}

	static void open(DesktopPage page, ShapedLink link, String what) {
		long bytes = link.bytesDown();
		var opening = page.openMyComputer(Duration.ofSeconds(120));
		System.out.printf(Locale.ROOT, "%s: %.2f s to the first frame (scripts run at %.2f s, socket open at %.2f s); "
				+ "%.0f KB came down the link by then%n", what, opening.firstFrame() / 1000, opening.scriptsRun() / 1000,
				opening.socketOpen() / 1000, (link.bytesDown() - bytes) / 1024.0);
	}

	static <T extends Number> double percentile(List<T> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1)).doubleValue();
	}

	static double mbit(double bytesPerSecond) {
		return bytesPerSecond * 8 / 1e6;
	}

	static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException e) {
			return "?";
		}
	}
}
