import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.desktops.local.LocalDesktopProvider;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.cloudroom.rfb.RfbClient;

/**
 * What a desktop's look costs (issue #15), with no server: N desktops (half in Chinese) start one after the other
 * through the local provider; for each, the seconds from its first frame and the release of its session to its
 * taskbar on the screen (the bottom left pixel neither black nor the background), then, once all have settled, the
 * memory of each desktop's processes (RSS and PSS, from /proc) and the CPU seconds of its IceWM; again once each
 * start menu was opened, as in every session.
 */
public class LookBench {

	private static final int BACKGROUND = 0x2f7de1;

	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(args[0]);
		var data = Path.of(args[1]);
		int settle = Integer.parseInt(args[2]);
		var provider = new LocalDesktopProvider(data, Duration.ofSeconds(120));
		var desktops = new ArrayList<RunningDesktop>();
		var taskbars = new ArrayList<Double>();
		try {
			for (int i = 0; i < n; i++) {
				var name = "look-%02d".formatted(i);
				var spec = new DesktopSpec(UUID.randomUUID(), name, data.resolve("homes").resolve(name), 267_000 + i,
						i % 2 == 0 ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, 1366, 768);
				var desktop = provider.start(spec);
				desktops.add(desktop);
				try (var viewer = RfbClient.open(provider.connect(desktop), null)) {
					viewer.requestUpdate(false);
					while (viewer.framebuffer().version() == 0) {
						viewer.read();
					}
					long released = System.nanoTime();
					provider.startSession(desktop);
					var screen = viewer.framebuffer();
					while (screen.rgb(5, screen.height() - 5) == 0 || screen.rgb(5, screen.height() - 5) == BACKGROUND) {
						viewer.requestUpdate(true);
						viewer.read();
					}
					taskbars.add((System.nanoTime() - released) / 1e9);
				}
			}
			Thread.sleep(settle * 1000L);
			taskbars.sort(null);
			System.out.printf(Locale.ROOT, "%d desktops: release to taskbar p50 %.2f s, max %.2f s%n", n,
					taskbars.get(n / 2), taskbars.getLast());
			print("after " + settle + " s", desktops, n);
			// every session opens the start menu: IceWM loads the menus' font then, if it has not already
			for (var desktop : desktops) {
				try (var channel = provider.connect(desktop); var viewer = RfbClient.open(channel, null)) {
					int y = viewer.framebuffer().height() - 10;
					for (var mask : new byte[] { 1, 0 }) {
						channel.write(ByteBuffer.allocate(6).put((byte) 5).put(mask).putShort((short) 10)
							.putShort((short) y).flip());
					}
				}
			}
			Thread.sleep(3000);
			print("with the start menu opened", desktops, n);
		}
		finally {
			desktops.forEach(provider::stop);
		}
	}

	/** Per desktop: its processes' RSS and PSS, its IceWM's RSS and CPU. */
	private static void print(String when, List<RunningDesktop> desktops, int n) {
		double rss = 0, pss = 0, iceRss = 0, iceCpu = 0;
		for (var desktop : desktops) {
			for (var process : tree(ProcessHandle.of(Long.parseLong(desktop.handle())).orElseThrow())) {
				var pid = Long.toString(process.pid());
				var kb = memory(pid);
				rss += kb[0];
				pss += kb[1];
				if (name(pid).equals("icewm")) {
					iceRss += kb[0];
					iceCpu += cpu(pid);
				}
			}
		}
		System.out.printf(Locale.ROOT, "  %s, per desktop: RSS %.1f MB, PSS %.1f MB, IceWM RSS %.1f MB, IceWM CPU %.3f s%n",
				when, rss / 1024 / n, pss / 1024 / n, iceRss / 1024 / n, iceCpu / n);
	}

	private static List<ProcessHandle> tree(ProcessHandle root) {
		var all = new ArrayList<ProcessHandle>(List.of(root));
		root.descendants().forEach(all::add);
		return all;
	}

	private static String name(String pid) {
		try {
			return Files.readString(Path.of("/proc", pid, "comm")).strip();
		}
		catch (java.io.IOException e) {
			return "";
		}
	}

	/** VmRSS and Pss in KB. */
	private static double[] memory(String pid) {
		var kb = new double[2];
		try {
			for (var line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
				if (line.startsWith("VmRSS:")) {
					kb[0] = Double.parseDouble(line.replaceAll("[^0-9]", ""));
				}
			}
			for (var line : Files.readAllLines(Path.of("/proc", pid, "smaps_rollup"))) {
				if (line.startsWith("Pss:")) {
					kb[1] = Double.parseDouble(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (java.io.IOException e) {
			return kb;
		}
		return kb;
	}

	/** utime + stime in seconds. */
	private static double cpu(String pid) {
		try {
			var stat = Files.readString(Path.of("/proc", pid, "stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (java.io.IOException e) {
			return 0;
		}
	}
}
