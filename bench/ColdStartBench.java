import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.cloudroom.desktops.local.LocalDesktopProvider;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.RunningDesktop;

/**
 * Where a cold start's CPU goes (issue #3), with no server: N desktops start at once through the local provider,
 * at most P at a time (as the broker does), each followed by a first full frame over its Unix socket, after which
 * its session (taskbar, input method) may start. Prints the seconds from the start to each socket and first frame,
 * then, once every session has settled, the CPU seconds per desktop of each program of the session (from
 * /proc/<pid>/stat; a program's children it waited for count as its own, e.g. xkbcomp in Xvnc).
 */
public class ColdStartBench {

	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(args[0]);
		int parallel = Integer.parseInt(args[1]);
		var data = Path.of(args[2]);
		int settle = args.length > 3 ? Integer.parseInt(args[3]) : 12;
		var provider = new LocalDesktopProvider(data, Duration.ofSeconds(120), System.getenv("BENCH_OPENGL") != null,
				System.getenv("BENCH_HOST_NETWORK") == null);
		var frames = Collections.synchronizedList(new ArrayList<Double>());
		var sockets = Collections.synchronizedList(new ArrayList<Double>());
		var desktops = Collections.synchronizedList(new ArrayList<RunningDesktop>());
		long t0 = System.nanoTime();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			var starts = new java.util.concurrent.Semaphore(parallel, true);
			for (int i = 0; i < n; i++) {
				var name = "cold-%02d".formatted(i);
				var spec = new DesktopSpec(UUID.randomUUID(), name, data.resolve("homes").resolve(name), 265_000 + i,
						i % 2 == 0 ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, 1280, 720);
				pool.submit(() -> {
					RunningDesktop desktop;
					starts.acquire();
					try {
						desktop = provider.start(spec);
					}
					finally {
						starts.release();
					}
					desktops.add(desktop);
					sockets.add((System.nanoTime() - t0) / 1e9);
					try (var probe = RfbProbe.unix(desktop.address())) {
						probe.fullFrame();
					}
					frames.add((System.nanoTime() - t0) / 1e9);
					provider.startSession(desktop);
					return null;
				});
			}
		}
		print(n + " at once, " + parallel + " at a time: socket", sockets);
		print(n + " at once, " + parallel + " at a time: first full frame", frames);
		Thread.sleep(settle * 1000L);
		var cpu = new TreeMap<String, Double>();
		for (var desktop : desktops) {
			cpu(ProcessHandle.of(Long.parseLong(desktop.handle())).orElseThrow(), cpu);
		}
		double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
		System.out.printf(Locale.ROOT, "CPU s per desktop after %d s: total %.3f;", settle, total / n);
		cpu.forEach((name, s) -> System.out.printf(Locale.ROOT, " %s %.3f", name, s / n));
		System.out.println();
		for (var desktop : desktops) {
			provider.stop(desktop);
		}
	}

	/** utime+stime+cutime+cstime of the process and its descendants, by program name. */
	static void cpu(ProcessHandle process, Map<String, Double> byName) {
		try {
			var stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			double ticks = 0;
			for (int f = 11; f <= 14; f++) {
				ticks += Long.parseLong(fields[f]);
			}
			byName.merge(name, ticks / 100.0, Double::sum);
		}
		catch (java.io.IOException e) {
			return;
		}
		process.children().forEach(child -> cpu(child, byName));
	}

	static void print(String what, List<Double> seconds) {
		var sorted = new ArrayList<>(seconds);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT, "%s: p50 %.2f s, p95 %.2f s, max %.2f s%n", what,
				sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
				sorted.getLast());
	}
}
