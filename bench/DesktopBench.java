import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Benchmarks of Cloudroom desktops against a running server (see bench/desktops.sh):
 * start   — click to first full frame, one desktop alone and a class of N starting at once;
 * gateway — full-frame Raw throughput through the gateway, websockify and a direct connection, in one run;
 * density — memory per idle desktop, with an editor open, and CPU while N students type;
 * cold    — only the class of N starting at once, with no desktop running;
 * warm    — the class of N clicking at once when their desktops already run: the floor under any cold start;
 * bell    — a class of N clicking My computer when the bell rings: cold, and warm (the timetable started the
 *           desktops before the lesson; run the server with a short cloudroom.classroom.warm-check-every);
 * broadcast — from the teacher's pointer move to each of N students watching "show my screen" (BroadcastBench).
 */
public class DesktopBench {

	static final HttpClient http = HttpClient.newHttpClient();
	static String base;
	static Path data;
	static String schoolId;

	record Student(String username, String password, String token) {
	}

	public static void main(String[] args) throws Exception {
		var command = args[0];
		base = args[1];
		var operatorPassword = args[2];
		data = Path.of(args[3]);
		int n = args.length > 4 ? Integer.parseInt(args[4]) : 25;
		var operator = token("admin", operatorPassword);
		var students = students(operator, n);
		switch (command) {
			case "start" -> start(students);
			case "gateway" -> gateway(students.getFirst());
			case "density" -> density(students, operator);
			case "bell" -> bell(students, operator);
			case "cold" -> cold(students);
			case "warm" -> warm(students);
			case "broadcast" -> BroadcastBench.broadcast(students, operator);
			default -> throw new IllegalArgumentException(command);
		}
	}

	static void start(List<Student> students) throws Exception {
		var alone = new ArrayList<Double>();
		for (int round = 0; round < 7; round++) {
			alone.add(clickToFirstFrame(students.getFirst()));
			stop(students.getFirst());
		}
		print("one desktop alone (7 starts)", alone);
		var together = Collections.synchronizedList(new ArrayList<Double>());
		var ready = new CountDownLatch(1);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (var student : students) {
				pool.submit(() -> {
					ready.await();
					together.add(clickToFirstFrame(student));
					return null;
				});
			}
			ready.countDown();
		}
		print(students.size() + " desktops starting at once", together);
		var resumed = new ArrayList<Double>();
		for (var student : students.subList(0, Math.min(7, students.size()))) {
			resumed.add(clickToFirstFrame(student));
		}
		print("resuming a running desktop", resumed);
		for (var student : students) {
			stop(student);
		}
	}

	/** Single starts before a class's ("cold" only; BENCH_WARM_UP): the server's JIT compiles the start's code. */
	static final int WARM_UP = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARM_UP", "3"));

	/** The class clicks at once with no desktop running, as in "start" without the single starts and resumes. */
	static void cold(List<Student> students) throws Exception {
		for (int round = 0; round < WARM_UP; round++) {
			clickToFirstFrame(students.getFirst());
			stop(students.getFirst());
		}
		print(students.size() + " desktops starting at once", together(students));
		for (var student : students) {
			stop(student);
		}
	}

	static void warm(List<Student> students) throws Exception {
		together(students);
		Thread.sleep(10_000); // the sessions started after their first frames settle
		for (int round = 0; round < 3; round++) {
			print(students.size() + " running desktops clicked at once", together(students));
		}
		for (var student : students) {
			stop(student);
		}
	}

	/** The class clicks at once at the bell: first with no desktop running, then after the timetable's warm start. */
	static void bell(List<Student> students, String operator) throws Exception {
		print(students.size() + " at the bell, cold", together(students));
		for (var student : students) {
			stop(student);
		}
		var classes = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + schoolId + "/classes"))
			.header("Authorization", "Bearer " + operator).GET().build());
		var room = field(post("/api/v1/schools/" + schoolId + "/rooms", operator,
				"{\"name\":\"Bench room\",\"rows\":5,\"columns\":" + (students.size() + 4) / 5 + "}"), "id");
		var bell = java.time.LocalDateTime.now().plusMinutes(2).withSecond(0).withNano(0);
		post("/api/v1/schools/" + schoolId + "/timetable", operator, """
				{"classId":"%s","room":"%s","day":"%s","start":"%s","end":"%s"}""".formatted(field(classes, "id"),
				room, bell.getDayOfWeek(), bell.toLocalTime(), bell.toLocalTime().plusMinutes(40)));
		Thread.sleep(java.time.Duration.between(java.time.LocalDateTime.now(), bell).toMillis());
		print(students.size() + " at the bell, warm", together(students));
		for (var student : students) {
			stop(student);
		}
	}

	static List<Double> together(List<Student> students) throws Exception {
		var times = Collections.synchronizedList(new ArrayList<Double>());
		var ready = new CountDownLatch(1);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (var student : students) {
				pool.submit(() -> {
					ready.await();
					times.add(clickToFirstFrame(student));
					return null;
				});
			}
			if (System.getenv("BENCH_DETAIL") != null) {
				System.out.printf(Locale.ROOT, "together from %.3f s (monotonic clock)%n", System.nanoTime() / 1e9);
			}
			ready.countDown();
		}
		if (System.getenv("BENCH_DETAIL") != null) {
			System.out.printf(Locale.ROOT, "together until %.3f s (monotonic clock)%n", System.nanoTime() / 1e9);
		}
		return times;
	}

	/** Seconds from POST /api/v1/desktops/mine to the first full framebuffer received over the WebSocket. */
	static double clickToFirstFrame(Student student) throws Exception {
		long t0 = System.nanoTime();
		var desktop = post("/api/v1/desktops/mine", student.token(), "");
		var path = field(desktop, "connectPath");
		double started = (System.nanoTime() - t0) / 1e9;
		try (var probe = RfbProbe.webSocket(base.replace("http", "ws") + path, student.token(), null)) {
			probe.fullFrame();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		if (System.getenv("BENCH_DETAIL") != null) {
			System.out.printf(Locale.ROOT, "%s: started %.2f s, first frame %.2f s%n", student.username(), started,
					seconds);
		}
		return seconds;
	}

	static void gateway(Student student) throws Exception {
		var desktop = post("/api/v1/desktops/mine", student.token(), "");
		var id = field(desktop, "id");
		var socket = data.resolve("desktops").resolve(id).resolve("vnc.sock").toString();
		var websockify = new ProcessBuilder("websockify", "--unix-target=" + socket, "127.0.0.1:6089")
			.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		Thread.sleep(1500);
		try {
			// The proxy's CPU per gigabyte relayed: what the path costs the server, whatever the viewer costs.
			long server = Long.parseLong(System.getenv().getOrDefault("BENCH_SERVER_PID", "0"));
			var results = new java.util.LinkedHashMap<String, List<Double>>();
			var cpu = new java.util.LinkedHashMap<String, List<Double>>();
			// A round not counted first: the server's JIT compiles the relay's code while it runs.
			for (int round = -1; round < 5; round++) {
				if (round == 0) {
					results.clear();
					cpu.clear();
				}
				measure(results, cpu, "direct (Unix socket)", 0, () -> RfbProbe.unix(socket));
				measure(results, cpu, "Cloudroom gateway", server, () -> RfbProbe.webSocket(
						base.replace("http", "ws") + field(desktop, "connectPath"), student.token(), null));
				measure(results, cpu, "websockify", websockify.pid(),
						() -> RfbProbe.webSocket("ws://127.0.0.1:6089/", null, "binary"));
			}
			double direct = median(results.get("direct (Unix socket)"));
			System.out.println("| path | MB/s (median of 5) | of direct | proxy CPU s per GB |");
			System.out.println("|---|---|---|---|");
			for (var entry : results.entrySet()) {
				double mbs = median(entry.getValue());
				var perGb = cpu.get(entry.getKey());
				System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f%% | %s |%n", entry.getKey(), mbs, 100 * mbs / direct,
						perGb == null ? "–" : String.format(Locale.ROOT, "%.2f", median(perGb)));
			}
		}
		finally {
			websockify.destroy();
			stop(student);
		}
	}

	interface Connect {
		RfbProbe open() throws Exception;
	}

	/** One round on one path: MB/s of FRAMES full-frame Raw updates after 3 to warm up, and the proxy's CPU per GB. */
	/** Full frames a gateway measurement counts (BENCH_FRAMES): 200 of 3.7 MB take about a second each. */
	static final int FRAMES = Integer.parseInt(System.getenv().getOrDefault("BENCH_FRAMES", "200"));

	static void measure(java.util.Map<String, List<Double>> results, java.util.Map<String, List<Double>> cpu,
			String path, long proxy, Connect connect) throws Exception {
		try (var probe = connect.open()) {
			for (int i = 0; i < 3; i++) {
				probe.fullFrame();
			}
			long bytes0 = probe.bytesRead;
			double cpu0 = proxy > 0 ? cpuSeconds(proxy) : 0;
			long t0 = System.nanoTime();
			for (int i = 0; i < FRAMES; i++) {
				probe.fullFrame();
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			long bytes = probe.bytesRead - bytes0;
			results.computeIfAbsent(path, k -> new ArrayList<>()).add(bytes / 1e6 / seconds);
			if (proxy > 0) {
				cpu.computeIfAbsent(path, k -> new ArrayList<>()).add((cpuSeconds(proxy) - cpu0) / (bytes / 1e9));
			}
		}
	}

	/**
	 * User and system CPU seconds a process and its children (websockify serves each connection from a child)
	 * have used, from /proc (clock ticks of 1/100 s); a JVM's JIT compiler threads left out, as a freshly started
	 * server compiles its startup's code in the background for minutes, whatever it relays.
	 */
	static double cpuSeconds(long pid) throws IOException {
		double seconds = 0;
		var processes = new ArrayList<Long>(List.of(pid));
		ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(child -> processes.add(child.pid())));
		for (long process : processes) {
			try (var tasks = Files.list(Path.of("/proc/" + process + "/task"))) {
				for (var task : tasks.toList()) {
					try {
						var stat = Files.readString(task.resolve("stat"));
						var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
						if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
							continue;
						}
						var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
					}
					catch (java.nio.file.NoSuchFileException gone) {
						// a thread that ended meanwhile
					}
				}
			}
		}
		return seconds;
	}

	static void density(List<Student> students, String operator) throws Exception {
		var ids = new ArrayList<String>();
		for (var student : students) {
			ids.add(field(post("/api/v1/desktops/mine", student.token(), ""), "id"));
		}
		Thread.sleep(15_000);
		var idle = pss(ids);
		for (var id : ids) {
			openEditor(id);
		}
		Thread.sleep(20_000);
		var editor = pss(ids);
		print("PSS per idle desktop, MB", idle);
		print("PSS per desktop with the text editor open, MB", editor);
		var probes = new ArrayList<RfbProbe>();
		for (var student : students) {
			var desktop = post("/api/v1/desktops/mine", student.token(), "");
			probes.add(RfbProbe.webSocket(base.replace("http", "ws") + field(desktop, "connectPath"), student.token(),
					null));
		}
		long[] cpu0 = cpu();
		long end = System.nanoTime() + 60_000_000_000L;
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (var probe : probes) {
				pool.submit(() -> {
					int key = 'a';
					while (System.nanoTime() < end) {
						probe.key(key, true);
						probe.key(key, false);
						key = key == 'z' ? 'a' : key + 1;
						Thread.sleep(200);
					}
					return null;
				});
				pool.submit(() -> {
					while (System.nanoTime() < end) {
						var update = ByteArrayRequest.incremental(probe.width, probe.height);
						probe.out.write(update);
						probe.out.flush();
						probe.readUpdate();
					}
					return null;
				});
			}
		}
		long[] cpu1 = cpu();
		double busy = 100.0 * ((cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1])) / (cpu1[0] - cpu0[0]);
		System.out.printf(Locale.ROOT, "%d students typing 5 keys/s for 60 s, each watching their screen: "
				+ "machine CPU %.0f%% of %d cores%n", students.size(), busy, Runtime.getRuntime().availableProcessors());
		for (var probe : probes) {
			probe.close();
		}
		long available = memAvailable();
		System.out.printf(Locale.ROOT, "memory available with %d desktops running: %d MB%n", ids.size(),
				available / (1024 * 1024));
		for (var student : students) {
			stop(student);
		}
	}

	static final class ByteArrayRequest {
		static byte[] incremental(int w, int h) {
			return java.nio.ByteBuffer.allocate(10).put((byte) 3).put((byte) 1).putShort((short) 0)
				.putShort((short) 0).putShort((short) w).putShort((short) h).array();
		}
	}

	/** Starts the text editor inside a desktop's sandbox, as its owner, on its display. */
	static void openEditor(String id) throws Exception {
		long outer = Long.parseLong(Files.readString(data.resolve("desktops").resolve(id).resolve("pid")).strip());
		long init = ProcessHandle.of(outer).orElseThrow().children().findFirst().orElseThrow().pid();
		var uid = Files.readAllLines(Path.of("/proc/" + init + "/status")).stream()
			.filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
		new ProcessBuilder("nsenter", "-t", Long.toString(init), "-a", "-S", uid, "-G", uid, "env", "-i",
				"DISPLAY=:1", "HOME=/tmp", "PATH=/usr/bin:/bin", "sh", "-c", "mousepad >/dev/null 2>&1 &")
			.inheritIO().start().waitFor();
	}

	static List<Double> pss(List<String> ids) throws Exception {
		var sizes = new ArrayList<Double>();
		for (var id : ids) {
			long outer = Long.parseLong(Files.readString(data.resolve("desktops").resolve(id).resolve("pid")).strip());
			long total = 0;
			var all = new ArrayList<ProcessHandle>();
			ProcessHandle.of(outer).ifPresent(p -> {
				all.add(p);
				p.descendants().forEach(all::add);
			});
			for (var p : all) {
				try {
					for (var line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/smaps_rollup"))) {
						if (line.startsWith("Pss:")) {
							total += Long.parseLong(line.replaceAll("[^0-9]", ""));
						}
					}
				}
				catch (IOException ended) {
					// gone meanwhile
				}
			}
			sizes.add(total / 1024.0);
		}
		return sizes;
	}

	static long[] cpu() throws IOException {
		var parts = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
		long total = 0;
		for (int i = 1; i < parts.length; i++) {
			total += Long.parseLong(parts[i]);
		}
		return new long[] { total, Long.parseLong(parts[4]) + Long.parseLong(parts[5]) };
	}

	static long memAvailable() throws IOException {
		return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemAvailable:"))
			.mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(-1);
	}

	static List<Student> students(String operator, int n) throws Exception {
		var stamp = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		var school = post("/api/v1/schools", operator,
				"{\"name\":\"Bench " + stamp + "\",\"accountQuota\":" + (n + 5) + "}");
		schoolId = field(school, "id");
		var rows = new StringBuilder();
		for (int i = 1; i <= n; i++) {
			rows.append("b%s-%02d,Student%d,Bench,student,Bench class\n".formatted(stamp, i, i));
		}
		return people(operator, rows.toString());
	}

	/** A teacher of the bench class. */
	static Student teacher(String operator) throws Exception {
		var stamp = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		return people(operator, "t%s,Teacher,Bench,teacher,Bench class\n".formatted(stamp)).getFirst();
	}

	/** Imports the rows into the bench school and logs each person in. */
	static List<Student> people(String operator, String rows) throws Exception {
		var csv = "username,given_name,family_name,role,class\n" + rows;
		var imported = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + schoolId + "/people/import"))
			.header("Authorization", "Bearer " + operator).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv)).build());
		var matcher = Pattern.compile("\"username\":\"([^\"]+)\".*?\"initialPassword\":\"([^\"]+)\"")
			.matcher(imported);
		var students = new ArrayList<Student>();
		while (matcher.find()) {
			students.add(new Student(matcher.group(1), matcher.group(2), token(matcher.group(1), matcher.group(2))));
		}
		return students;
	}

	static String token(String username, String password) throws Exception {
		var answer = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.build());
		return field(answer, "token");
	}

	static String post(String path, String token, String json) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
		if (!json.isEmpty()) {
			builder.header("Content-Type", "application/json");
		}
		return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)).build());
	}

	static void stop(Student student) throws Exception {
		send(HttpRequest.newBuilder(URI.create(base + "/api/v1/desktops/mine"))
			.header("Authorization", "Bearer " + student.token()).DELETE().build());
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

	static void print(String what, List<Double> values) {
		var sorted = values.stream().sorted().toList();
		double p50 = sorted.get(sorted.size() / 2);
		double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
		System.out.printf(Locale.ROOT, "%s: n=%d p50=%.2f p95=%.2f max=%.2f%n", what, sorted.size(), p50, p95,
				sorted.getLast());
		if (System.getenv("BENCH_DETAIL") != null) {
			System.out.println(sorted);
		}
	}
}
