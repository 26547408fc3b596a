package org.cloudroom.classroom;

import java.io.DataInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.cloudroom.desktops.Desktops;
import org.cloudroom.desktops.local.LocalDesktopProvider;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.cloudroom.rfb.RfbHandshake;

/**
 * The teacher's wall (see bench/thumbnails.sh): N desktops of the local provider, each watched by the classroom's
 * own {@link ScreenWatch} as {@link Thumbnails} does, and every thumbnail fetched once a second as a wall page
 * does. Measures this JVM's CPU (the server's share), the desktops' Xvnc CPU, and bytes per refresh cycle: idle
 * desktops, then with a text editor open in each and a student typing 5 keys a second, with and without the wall.
 * Lives in the classroom package (compiled onto the class path by the script) to use the package's own classes.
 */
public class ThumbnailBench {

	private static final Duration CYCLE = Duration.ofSeconds(1);

	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(args[0]);
		int seconds = Integer.parseInt(args[1]);
		var data = Path.of(args[2]);
		var provider = new LocalDesktopProvider(data, Duration.ofSeconds(90));
		var desktops = start(provider, data, n);
		var typists = new ArrayList<SocketChannel>();
		try {
			System.out.printf(Locale.ROOT, "%d desktops started; settling 20 s%n", desktops.size());
			Thread.sleep(20_000);
			System.out.println("| desktops | wall | server CPU, % of one core | Xvnc CPU, % of one core (all) "
					+ "| RFB bytes per cycle (all) | JPEG bytes per cycle (all) | thumbnails re-encoded per cycle |");
			System.out.println("|---|---|---|---|---|---|---|");
			measure("idle", provider, desktops, seconds, true);
			for (var desktop : desktops) {
				openEditor(desktop);
			}
			Thread.sleep(15_000);
			try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
				for (var desktop : desktops) {
					var channel = provider.connect(desktop);
					typists.add(channel);
					pool.submit(() -> type(channel, provider.vncPassword(desktop)));
				}
				Thread.sleep(5_000);
				measure("editor open, typing 5 keys/s", provider, desktops, seconds, false);
				measure("editor open, typing 5 keys/s", provider, desktops, seconds, true);
				for (var channel : typists) {
					channel.close();
				}
			}
		}
		finally {
			for (var channel : typists) {
				channel.close();
			}
			desktops.forEach(provider::stop);
		}
	}

	static void measure(String what, LocalDesktopProvider provider, List<RunningDesktop> desktops, int seconds,
			boolean wall) throws Exception {
		var watches = new ArrayList<ScreenWatch>();
		if (wall) {
			for (var desktop : desktops) {
				var connection = new Desktops.Connection(provider.connect(desktop), provider.vncPassword(desktop));
				watches.add(ScreenWatch.start(desktop.id(), connection, Thumbnails.WIDTH, CYCLE));
			}
			cycles(watches, 10);
		}
		long cpu0 = processCpu();
		long xvnc0 = xvncCpu(desktops);
		long rfb0 = watches.stream().mapToLong(ScreenWatch::bytesReceived).sum();
		long t0 = System.nanoTime();
		var fetched = cycles(watches, seconds);
		long wallNanos = System.nanoTime() - t0;
		long cpu = processCpu() - cpu0;
		long xvnc = xvncCpu(desktops) - xvnc0;
		long rfb = watches.stream().mapToLong(ScreenWatch::bytesReceived).sum() - rfb0;
		System.out.printf(Locale.ROOT, "| %d, %s | %s | %.1f%% | %.1f%% | %s | %s | %s |%n", desktops.size(), what,
				wall ? "on" : "off", 100.0 * cpu / wallNanos, 100.0 * xvnc / wallNanos,
				wall ? Long.toString(rfb / seconds) : "—", wall ? Long.toString(fetched[0] / seconds) : "—",
				wall ? String.format(Locale.ROOT, "%.1f", fetched[1] / (double) seconds) : "—");
		watches.forEach(ScreenWatch::close);
	}

	/** A wall page: every thumbnail fetched once a cycle. The JPEG bytes served and how many were new. */
	static long[] cycles(List<ScreenWatch> watches, int count) throws InterruptedException {
		var last = new byte[watches.size()][];
		long bytes = 0;
		long fresh = 0;
		long next = System.nanoTime();
		for (int cycle = 0; cycle < count; cycle++) {
			for (int i = 0; i < watches.size(); i++) {
				var jpeg = watches.get(i).jpeg(Duration.ZERO).orElse(null);
				if (jpeg != null) {
					bytes += jpeg.length;
					fresh += jpeg == last[i] ? 0 : 1;
					last[i] = jpeg;
				}
			}
			next += CYCLE.toNanos();
			Thread.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
		}
		return new long[] { bytes, fresh };
	}

	static List<RunningDesktop> start(LocalDesktopProvider provider, Path data, int n) throws Exception {
		var futures = new ArrayList<java.util.concurrent.Future<RunningDesktop>>();
		try (var pool = Executors.newFixedThreadPool(2)) {
			for (int i = 0; i < n; i++) {
				var name = "wall-%02d".formatted(i);
				var spec = new DesktopSpec(UUID.randomUUID(), name, data.resolve("homes").resolve(name), 264_000 + i,
						Locale.SIMPLIFIED_CHINESE, 1280, 720);
				futures.add(pool.submit(() -> {
					var desktop = provider.start(spec);
					provider.startSession(desktop);
					return desktop;
				}));
			}
		}
		var started = new ArrayList<RunningDesktop>();
		for (var future : futures) {
			started.add(future.get());
		}
		return started;
	}

	/** A student typing into the editor: letters, a new line every 40 keys, over a connection of their own. */
	static Void type(SocketChannel channel, byte[] password) throws IOException, InterruptedException {
		var out = Channels.newOutputStream(channel);
		RfbHandshake.connectDesktop(new DataInputStream(Channels.newInputStream(channel)), out, password);
		for (int i = 0; channel.isOpen(); i++) {
			int keysym = i % 40 == 39 ? 0xff0d : 'a' + i % 26;
			for (int down = 1; down >= 0; down--) {
				out.write(ByteBuffer.allocate(8).put((byte) 4).put((byte) down).putShort((short) 0).putInt(keysym)
					.array());
			}
			Thread.sleep(200);
		}
		return null;
	}

	/** Starts the text editor inside a desktop's sandbox, as its owner, on its display (as DesktopBench does). */
	static void openEditor(RunningDesktop desktop) throws Exception {
		long init = ProcessHandle.of(Long.parseLong(desktop.handle())).orElseThrow().children().findFirst()
			.orElseThrow().pid();
		var uid = Files.readAllLines(Path.of("/proc/" + init + "/status")).stream()
			.filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
		new ProcessBuilder("nsenter", "-t", Long.toString(init), "-a", "-S", uid, "-G", uid, "env", "-i",
				"DISPLAY=:1", "HOME=/tmp", "PATH=/usr/bin:/bin", "sh", "-c", "mousepad >/dev/null 2>&1 &")
			.inheritIO().start().waitFor();
	}

	static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** CPU time of every desktop's Xvnc so far, in nanoseconds, from /proc/<pid>/stat (100 ticks a second). */
	static long xvncCpu(List<RunningDesktop> desktops) throws IOException {
		long ticks = 0;
		for (var desktop : desktops) {
			var xvnc = ProcessHandle.of(Long.parseLong(desktop.handle())).stream().flatMap(ProcessHandle::descendants)
				.filter(p -> p.info().command().orElse("").matches(".*/X(tiger)?vnc")).findFirst();
			if (xvnc.isPresent()) {
				var stat = Files.readString(Path.of("/proc/" + xvnc.get().pid() + "/stat"));
				var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
		}
		return ticks * 10_000_000L;
	}
}
