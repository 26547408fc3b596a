import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seats of one school behind one shaped link, the school's uplink: the first seat reads a long web page in its
 * desktop's browser, scrolling, the others type short lines in the text editor, all at once. Per seat the Mbit/s its
 * page received and the frames drawn; for the typists, key to glyph. A fair gateway under a school budget
 * (BENCH_SCHOOL_SETTING) slows the reader's frames, not the typists' keys.
 */
final class SharedLinkSeats {

	static void run(String base, BenchSchool school, List<BenchSchool.Student> seats, double mbit, long oneWay,
			Duration time, Path shots) throws Exception {
		var reader = seats.getFirst();
		school.upload(reader, DesktopWork.FOLDER + "/long.html", DesktopWork.longPage());
		var server = URI.create(base);
		var pages = new ArrayList<DesktopPage>();
		try (var link = new ShapedLink(new InetSocketAddress(server.getHost(), server.getPort()), mbit, oneWay)) {
			System.out.printf(Locale.ROOT, "%n%d seats on one link of %.1f Mbit/s and %d ms each way, load %s%n",
					seats.size(), mbit, oneWay, UplinkBench.load());
			var works = new ArrayList<DesktopWork>();
			for (var seat : seats) {
				var page = new DesktopPage("http://127.0.0.1:" + link.port());
				pages.add(page);
				page.logIn(seat);
				page.openMyComputer(Duration.ofSeconds(180));
				DesktopPage.await("the taskbar of " + seat.username(), Duration.ofSeconds(90), () -> page.taskbarDrawn());
				works.add(new DesktopWork(page, shots));
			}
			for (int i = 0; i < seats.size(); i++) {
				works.get(i).settle(Duration.ofSeconds(20));
				if (i == 0) {
					works.get(i).openWebPage(reader.username(), "long.html");
				}
				else {
					works.get(i).openEditor();
				}
			}
			var rows = new ArrayList<Future<UplinkBench.Row>>();
			var typed = new ArrayList<Future<KeyToGlyph>>();
			try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
				rows.add(pool.submit(() -> UplinkBench.measure(pages.getFirst(), "seat 1, scrolling a long web page",
						time, works.getFirst()::scrolling)));
				for (int i = 1; i < seats.size(); i++) {
					var page = pages.get(i);
					var keys = new java.util.concurrent.CompletableFuture<KeyToGlyph>();
					typed.add(keys);
					rows.add(pool.submit(() -> UplinkBench.measure(page, "seat " + (pages.indexOf(page) + 1)
							+ ", typing in the text editor", time,
							t -> keys.complete(KeyToGlyph.type(page, Integer.MAX_VALUE, t)))));
				}
			}
			var done = new ArrayList<UplinkBench.Row>();
			for (var row : rows) {
				done.add(row.get());
			}
			UplinkBench.print(done);
			for (int i = 0; i < typed.size(); i++) {
				System.out.println("seat " + (i + 2) + " key to glyph: " + typed.get(i).get().describe());
			}
			System.out.printf(Locale.ROOT, "the link carried %.1f MB towards the browsers in all%n",
					link.bytesDown() / 1e6);
		}
		finally {
			pages.forEach(DesktopPage::close);
		}
	}
}
