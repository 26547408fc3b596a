import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keys typed 600 ms apart into the focused text editor, letters and spaces on a short line; for each, the time from
 * its keydown in the page to the first frame noVNC draws after it (the glyph, with the title's "modified" mark).
 */
record KeyToGlyph(List<Double> sortedMillis, int keys, int missed) {

	static KeyToGlyph type(DesktopPage page, int keys, Duration atMost) {
		var text = "the quick brown fox jumps over the lazy dog ";
		var latencies = new ArrayList<Double>();
		int missed = 0;
		int typed = 0;
		long end = System.nanoTime() + atMost.toNanos();
		for (; typed < keys && System.nanoTime() < end; typed++) {
			if (typed % 40 == 39) {
				page.type(org.openqa.selenium.Keys.ENTER); // lines that fit, whatever the count
			}
			double before = page.lastKeyDown();
			page.type(String.valueOf(text.charAt(typed % text.length())));
			DesktopPage.await("the key's keydown in the page", Duration.ofSeconds(5), () -> page.lastKeyDown() > before);
			double down = page.lastKeyDown();
			long deadline = System.nanoTime() + 2_000_000_000L;
			double frame;
			while ((frame = page.firstFrameAfter(down)) < 0 && System.nanoTime() < deadline) {
				DesktopPage.pause(20);
			}
			if (frame < 0) {
				missed++;
			}
			else {
				latencies.add(frame - down);
			}
			DesktopPage.pause(Math.max(0, 600 - (long) (page.now() - down)));
		}
		return new KeyToGlyph(latencies.stream().sorted().toList(), typed, missed);
	}

	String describe() {
		if (sortedMillis.isEmpty()) {
			return "no key of " + keys + " showed within 2 s";
		}
		return String.format(Locale.ROOT, "%d keys, %d without a frame within 2 s: p50 %.0f ms, p95 %.0f ms, max %.0f ms",
				keys, missed, UplinkBench.percentile(sortedMillis, 0.5), UplinkBench.percentile(sortedMillis, 0.95),
				sortedMillis.getLast());
	}
}
