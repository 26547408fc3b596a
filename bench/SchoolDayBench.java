import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A school day on one server (issue #15), against a running Cloudroom (see bench/schoolday.sh): a school opened,
 * its class imported with a double-click, students who log in with a typo first, and then lessons, each with a
 * class session, desktops started (and left to idle out), lock, messages, show my screen, the wall and its
 * thumbnails, a material, an assignment handed in by every student, an upload abandoned half-way, and the class
 * page opened by the admin. Meanwhile the server is sampled every few seconds: health, database connections in
 * use and waited for, threads, open files, heap after a collection, desktop processes. It ends with the day's
 * first and last samples side by side, and fails when health was not UP, a connection stayed in use, or a step
 * answered what it should not have.
 *
 * Arguments: base URL, operator password, lessons, seconds a lesson, students, desktops (true|false), server pid.
 */
public class SchoolDayBench {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	static final List<String> problems = Collections.synchronizedList(new ArrayList<>());
	static final AtomicInteger requests = new AtomicInteger();
	static String base;
	static long serverPid;
	static String operator;

	record Person(String username, String password, String token) {
	}

	record Sample(Instant at, String when, String health, double active, double pending, double threads, double files,
			double heapMb, long desktops) {
	}

	public static void main(String[] args) throws Exception {
		base = args[0];
		var operatorPassword = args[1];
		int lessons = Integer.parseInt(args[2]);
		int lessonSeconds = Integer.parseInt(args[3]);
		int size = Integer.parseInt(args[4]);
		boolean desktops = Boolean.parseBoolean(args[5]);
		serverPid = Long.parseLong(args[6]);

		operator = token("admin", operatorPassword);
		var stamp = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		var opened = send("POST", "/api/v1/schools", operator, """
				{"name":"School day %s","accountQuota":%d,"admin":{"username":"day-%s","givenName":"红","familyName":"林"}}"""
			.formatted(stamp, size + 10, stamp), 201);
		var school = field(opened, "id");
		var adminPassword = field(opened, "initialPassword");
		var admin = token("day-" + stamp, adminPassword);

		var samples = Collections.synchronizedList(new ArrayList<Sample>());
		var phase = new String[] { "start of day" };
		samples.add(sample(phase[0]));
		var sampler = Thread.ofVirtual().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Thread.sleep(5000);
					var s = sample(phase[0]);
					samples.add(s);
					if (!s.health().equals("UP")) {
						problems.add(s.at() + " health " + s.health());
					}
				}
				catch (InterruptedException e) {
					return;
				}
				catch (Exception e) {
					problems.add("sampling failed: " + e);
				}
			}
		});

		var people = doubleClickedImport(school, admin, stamp, size);
		var teacher = people.getFirst();
		var students = people.subList(1, people.size());
		var classId = field(send("GET", "/api/v1/schools/" + school + "/classes", admin, null, 200), "id");
		send("PUT", "/api/v1/schools/" + school + "/desktop-settings", admin, "{\"graceMinutes\":1}", 200);
		var adminPages = webLogin("day-" + stamp, adminPassword);
		System.out.printf(Locale.ROOT, "school day: %d students, %d lessons of %d s, desktops %s%n", students.size(),
				lessons, lessonSeconds, desktops ? "on" : "off");

		for (int lesson = 1; lesson <= lessons; lesson++) {
			phase[0] = "lesson " + lesson;
			var began = Instant.now();
			try {
				lesson(lesson, school, classId, teacher, students, desktops, adminPages);
			}
			catch (Exception e) {
				problems.add("lesson " + lesson + " broke off: " + e.getMessage());
			}
			var left = Duration.between(Instant.now(), began.plusSeconds(lessonSeconds));
			if (!left.isNegative()) {
				Thread.sleep(left.toMillis());
			}
			samples.add(sampleAfterCollection("end of lesson " + lesson));
		}
		phase[0] = "after school";
		if (desktops) {
			var until = Instant.now().plus(Duration.ofMinutes(4));
			while (desktopProcesses() > 0 && Instant.now().isBefore(until)) {
				Thread.sleep(5000);
			}
		}
		sampler.interrupt();
		var last = sampleAfterCollection("end of day");
		for (int again = 0; again < 5 && last.active() > 0; again++) {
			Thread.sleep(1000); // a scheduled task may hold one for a moment
			last = sample("end of day");
		}
		samples.add(last);
		report(samples, last);
	}

	/** One lesson: the session, the desktops, every classroom action, a material, an assignment and its hand-ins. */
	static void lesson(int lesson, String school, String classId, Person teacher, List<Person> students,
			boolean desktops, HttpClient adminPages) throws Exception {
		var session = field(send("POST", "/api/v1/classes/" + classId + "/sessions", teacher.token(), "{}", 201), "id");
		if (desktops) {
			everyone(students, s -> send("POST", "/api/v1/desktops/mine", s.token(), null, 200, 201));
			send("POST", "/api/v1/desktops/mine", teacher.token(), null, 200, 201);
		}
		send("POST", "/api/v1/sessions/" + session + "/messages", teacher.token(), "{\"text\":\"第" + lesson + "课开始了\"}",
				200, 201, 202, 204);
		send("PUT", "/api/v1/sessions/" + session + "/lock", teacher.token(), "{\"locked\":true}", 200, 204);
		send("PUT", "/api/v1/sessions/" + session + "/lock", teacher.token(), "{\"locked\":false}", 200, 204);
		if (desktops) {
			send("PUT", "/api/v1/sessions/" + session + "/broadcast", teacher.token(), "{\"broadcasting\":true}", 200, 204);
			send("PUT", "/api/v1/sessions/" + session + "/broadcast", teacher.token(), "{\"broadcasting\":false}", 200,
					204);
		}
		var wall = send("GET", "/api/v1/sessions/" + session, teacher.token(), null, 200);
		var ids = Pattern.compile("\"student\":\"([0-9a-f-]{36})\"").matcher(wall).results().map(m -> m.group(1))
			.limit(5).toList();
		for (var id : ids) {
			send("GET", "/api/v1/sessions/" + session + "/students/" + id + "/thumbnail", teacher.token(), null, 200, 204,
					404);
		}
		send("GET", "/api/v1/sessions/" + session + "/attendance", teacher.token(), null, 200);
		send("PUT", "/api/v1/classes/" + classId + "/materials/第" + lesson + "课.txt", teacher.token(),
				"今天学习第" + lesson + "课。", 200, 201);
		var title = "第" + lesson + "课作业";
		send("POST", "/api/v1/classes/" + classId + "/assignments", teacher.token(),
				"{\"title\":\"" + title + "\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(1) + "\"}", 201);
		everyone(students, s -> {
			var folder = handInFolder(s, title);
			send("PUT", "/api/v1/drive/files/" + folder + "/" + s.username() + ".txt", s.token(),
					"我的第" + lesson + "课作业", 200, 201);
			return null;
		});
		abandonUpload(students.get(lesson % students.size()));
		for (int i = 0; i < 3; i++) {
			var page = adminPages.send(HttpRequest.newBuilder(URI.create(base + "/schools/" + school + "/classes/" + classId))
				.GET().build(), BodyHandlers.discarding());
			requests.incrementAndGet();
			if (page.statusCode() != 200) {
				problems.add("class page answered " + page.statusCode());
			}
		}
		send("POST", "/api/v1/sessions/" + session + "/end", teacher.token(), null, 200, 204);
	}

	/** The import clicked twice: both requests at once; one class's worth of accounts may exist afterwards. */
	static List<Person> doubleClickedImport(String school, String admin, String stamp, int size) throws Exception {
		var csv = new StringBuilder("username,given_name,family_name,role,class\n");
		csv.append("t-%s,老师,张,teacher,五年级二班\n".formatted(stamp));
		for (int i = 1; i <= size; i++) {
			csv.append("s-%s-%02d,同学%d,王,student,五年级二班\n".formatted(stamp, i, i));
		}
		var answers = new ArrayList<HttpResponse<String>>();
		try (var clicks = Executors.newVirtualThreadPerTaskExecutor()) {
			var first = clicks.submit(() -> importOnce(school, admin, csv.toString()));
			var second = clicks.submit(() -> importOnce(school, admin, csv.toString()));
			answers.add(first.get());
			answers.add(second.get());
		}
		var people = new ArrayList<Person>();
		var typos = new AtomicInteger();
		for (var answer : answers) {
			var matcher = Pattern.compile("\"username\":\"([^\"]+)\"[^}]*?\"initialPassword\":\"([^\"]+)\"")
				.matcher(answer.body());
			while (matcher.find()) {
				var username = matcher.group(1);
				var password = matcher.group(2);
				send("POST", "/api/v1/auth/token", null,
						"{\"username\":\"" + username + "\",\"password\":\"" + password + "x\"}", 401, 429);
				typos.incrementAndGet();
				people.add(new Person(username, password, token(username, password)));
			}
		}
		System.out.printf(Locale.ROOT, "import clicked twice: answers %d and %d, %d accounts created, %d typos first%n",
				answers.get(0).statusCode(), answers.get(1).statusCode(), people.size(), typos.get());
		if (people.size() != size + 1) {
			problems.add("the double-clicked import created " + people.size() + " accounts, not " + (size + 1));
		}
		return people;
	}

	static HttpResponse<String> importOnce(String school, String admin, String csv) throws Exception {
		requests.incrementAndGet();
		return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + school + "/people/import"))
			.header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
			.POST(BodyPublishers.ofString(csv)).build(), BodyHandlers.ofString());
	}

	/** The student's hand-in folder of the assignment, found by listing their Classes folder as a file manager would. */
	static String handInFolder(Person student, String title) throws Exception {
		var classFolder = "Classes/" + names(list(student, "Classes")).getFirst();
		for (var inside : names(list(student, classFolder))) {
			if (names(list(student, classFolder + "/" + inside)).contains(title)) {
				return classFolder + "/" + inside + "/" + title;
			}
		}
		throw new IllegalStateException("no hand-in folder for " + title);
	}

	static String list(Person student, String path) throws Exception {
		return send("GET", "/api/v1/drive/list?path=" + encode(path), student.token(), null, 200);
	}

	static List<String> names(String listing) {
		return Pattern.compile("\"name\":\"([^\"]+)\"").matcher(listing).results().map(m -> m.group(1)).toList();
	}

	/** A part upload begun and cut off after a tenth of its bytes, as when a tab is closed mid-upload. */
	static void abandonUpload(Person student) throws Exception {
		long size = 20L << 20;
		var part = send("POST", "/api/v1/drive/uploads", student.token(),
				"{\"path\":\"abandoned-" + System.nanoTime() + ".bin\",\"size\":" + size + "}", 201);
		var uri = URI.create(base + "/api/v1/drive/uploads/" + field(part, "id"));
		try (var socket = new Socket(uri.getHost(), uri.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer "
					+ student.token() + "\r\nUpload-Offset: 0\r\nContent-Type: application/octet-stream\r\n"
					+ "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			var chunk = new byte[64 * 1024];
			for (long sent = 0; sent < size / 10; sent += chunk.length) {
				out.write(chunk);
			}
			out.flush();
		}
		requests.incrementAndGet();
	}

	interface Step {
		Object run(Person student) throws Exception;
	}

	static void everyone(List<Person> students, Step step) throws Exception {
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			var done = new ArrayList<java.util.concurrent.Future<Object>>();
			for (var student : students) {
				done.add(pool.submit(() -> step.run(student)));
			}
			for (var d : done) {
				try {
					d.get();
				}
				catch (java.util.concurrent.ExecutionException e) {
					problems.add("a student's step failed: " + e.getCause());
				}
			}
		}
	}

	/** A web session of the admin's, logged in through the login form as a browser does. */
	static HttpClient webLogin(String username, String password) throws Exception {
		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		var form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), BodyHandlers.ofString());
		var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		var login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
					+ encode(csrf.group(1))))
			.build(), BodyHandlers.discarding());
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("the admin could not log in: " + login.statusCode());
		}
		return browser;
	}

	static String token(String username, String password) throws Exception {
		var token = field(send("POST", "/api/v1/auth/token", null,
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", 200), "token");
		return token;
	}

	static String send(String method, String path, String token, String body, int... expected) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", path.contains("/files/") || path.contains("/materials/")
					? "text/plain; charset=utf-8" : "application/json");
		}
		requests.incrementAndGet();
		var answer = http.send(request.build(), BodyHandlers.ofString());
		for (int status : expected) {
			if (answer.statusCode() == status) {
				return answer.body();
			}
		}
		var problem = method + " " + path + " answered " + answer.statusCode() + ": "
				+ answer.body().substring(0, Math.min(200, answer.body().length()));
		problems.add(problem);
		throw new IllegalStateException(problem);
	}

	static String field(String json, String name) {
		var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return matcher.group(1);
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static Sample sampleAfterCollection(String when) throws Exception {
		new ProcessBuilder("jcmd", Long.toString(serverPid), "GC.run").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
		return sample(when);
	}

	static Sample sample(String when) {
		String health;
		String metrics;
		try {
			health = field(http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
				.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString()).body(), "status");
			metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + operator).timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString()).body();
		}
		catch (Exception e) {
			return new Sample(Instant.now(), when, "no answer in 10 s", -1, -1, -1, -1, -1, desktopProcesses());
		}
		return new Sample(Instant.now(), when, health, metric(metrics, "hikaricp_connections_active"),
				metric(metrics, "hikaricp_connections_pending"), metric(metrics, "jvm_threads_live_threads"),
				metric(metrics, "process_files_open_files"),
				metric(metrics, "jvm_memory_used_bytes{area=\"heap\"") / (1 << 20), desktopProcesses());
	}

	/** The sum of a metric's series whose line starts with the name (and the labels given). */
	static double metric(String metrics, String name) {
		return metrics.lines().filter(l -> l.startsWith(name) && (name.contains("{") || l.charAt(name.length()) == '{'
				|| l.charAt(name.length()) == ' ')).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
			.sum();
	}

	/** Desktops running on this machine (their X servers): run the bench on a machine that runs no other. */
	static long desktopProcesses() {
		try (var procs = Files.list(Path.of("/proc"))) {
			return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).filter(p -> {
				try {
					return Files.readString(p.resolve("comm")).strip().equals("Xvnc");
				}
				catch (IOException e) {
					return false;
				}
			}).count();
		}
		catch (IOException e) {
			return -1;
		}
	}

	static void report(List<Sample> samples, Sample last) {
		var first = samples.getFirst();
		System.out.println();
		System.out.println("| when | health | connections in use | waiting | threads | open files | heap MB | desktops |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		for (var s : samples) {
			if (s == first || s.when().startsWith("end of")) {
				System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %d |%n", s.when(), s.health(),
						s.active(), s.pending(), s.threads(), s.files(), s.heapMb(), s.desktops());
			}
		}
		var peak = samples.stream().max((a, b) -> Double.compare(a.active(), b.active())).orElseThrow();
		var down = samples.stream().filter(s -> !s.health().equals("UP")).count();
		System.out.printf(Locale.ROOT,
				"%n%d samples, %d requests; health UP in %d of %d; most connections in use at once: %.0f (%s); "
						+ "waiting for one, at most: %.0f%n",
				samples.size(), requests.get(), samples.size() - down, samples.size(), peak.active(), peak.when(),
				samples.stream().mapToDouble(Sample::pending).max().orElse(0));
		System.out.printf(Locale.ROOT, "start of day → end of day: threads %.0f → %.0f, open files %.0f → %.0f, heap %.0f → %.0f MB, desktops %d → %d%n",
				first.threads(), last.threads(), first.files(), last.files(), first.heapMb(), last.heapMb(),
				first.desktops(), last.desktops());
		if (last.active() > 0) {
			problems.add(last.active() + " connections still in use at the end of the day");
		}
		if (problems.isEmpty()) {
			System.out.println("no problems");
			return;
		}
		System.out.println(problems.size() + " problems:");
		problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
		System.exit(1);
	}
}
