import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Show my screen" to a class (see bench/desktops.sh broadcast): the class's students watch the teacher's desktop
 * through the gateway while the teacher moves the pointer; the delay is from the teacher's move to each student's
 * first framebuffer update showing it. Reuses DesktopBench's helpers; the probes ask for Raw only, so the desktop
 * draws the pointer into the picture.
 */
public class BroadcastBench {

	static void broadcast(List<DesktopBench.Student> students, String operator) throws Exception {
		var teacher = DesktopBench.teacher(operator);
		var classId = DesktopBench.field(DesktopBench.send(HttpRequest.newBuilder(
				URI.create(DesktopBench.base + "/api/v1/schools/" + DesktopBench.schoolId + "/classes"))
			.header("Authorization", "Bearer " + operator).GET().build()), "id");
		var desktop = DesktopBench.post("/api/v1/desktops/mine", teacher.token(), "");
		var session = DesktopBench.field(DesktopBench.post("/api/v1/classes/" + classId + "/sessions", teacher.token(),
				"{}"), "id");
		DesktopBench.send(HttpRequest.newBuilder(URI.create(DesktopBench.base + "/api/v1/sessions/" + session + "/broadcast"))
			.header("Authorization", "Bearer " + teacher.token()).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"broadcasting\":true}")).build());
		var ws = DesktopBench.base.replace("http", "ws") + DesktopBench.field(desktop, "connectPath");
		var control = RfbProbe.webSocket(ws, teacher.token(), null);
		control.fullFrame();
		var viewers = new ArrayList<RfbProbe>();
		for (var student : students) {
			var viewer = RfbProbe.webSocket(ws + "?mode=view", student.token(), null);
			viewer.fullFrame();
			viewers.add(viewer);
		}
		var delays = new ArrayList<Double>();
		var worst = new ArrayList<Double>();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int round = 0; round < 21; round++) {
				var moved = new AtomicLong(Long.MAX_VALUE);
				var armed = new CountDownLatch(viewers.size());
				var seen = new CountDownLatch(viewers.size());
				var times = new long[viewers.size()];
				for (int i = 0; i < viewers.size(); i++) {
					int v = i;
					pool.submit(() -> {
						var viewer = viewers.get(v);
						viewer.requestIncremental();
						armed.countDown();
						// An update that came before the move (the clock, say) does not count: ask again.
						while (true) {
							viewer.readUpdate();
							long now = System.nanoTime();
							if (now > moved.get()) {
								times[v] = now;
								break;
							}
							viewer.requestIncremental();
						}
						seen.countDown();
						return null;
					});
				}
				armed.await();
				Thread.sleep(200);
				moved.set(System.nanoTime());
				control.pointer(100 + (round % 2) * 400, 200);
				if (!seen.await(10, TimeUnit.SECONDS)) {
					throw new IllegalStateException("not every viewer saw the move");
				}
				if (round == 0) {
					continue; // warming up
				}
				double max = 0;
				for (long t : times) {
					double ms = (t - moved.get()) / 1e6;
					delays.add(ms);
					max = Math.max(max, ms);
				}
				worst.add(max);
			}
		}
		print(viewers.size() + " viewers, each move (ms)", delays);
		print("the last viewer of each move (ms)", worst);
		for (var viewer : viewers) {
			viewer.close();
		}
		control.close();
		DesktopBench.stop(teacher);
	}

	static void print(String what, List<Double> values) {
		var sorted = values.stream().sorted().toList();
		System.out.printf(Locale.ROOT, "%s: n=%d p50=%.0f p95=%.0f max=%.0f%n", what, sorted.size(),
				sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)),
				sorted.getLast());
	}
}
