import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults in the middle of a lesson (issue #15), each against a server this program starts itself (see
 * bench/faults.sh): the server killed, PostgreSQL restarted under it, the data disk full. After each, the students'
 * saved files must be intact and the lesson must go on. Uses SchoolDayBench's client.
 *
 * Arguments: the server's jar, its data folder, port, operator password, which (kill|postgres|disk|all), and the
 * database's JDBC URL (empty for the embedded H2).
 */
public class FaultsBench {

	static String jar;
	static Path data;
	static int port;
	static String operatorPassword;
	static String database;
	static Process server;
	static final List<String> results = new ArrayList<>();
	static boolean failed;

	public static void main(String[] args) throws Exception {
		jar = args[0];
		data = Path.of(args[1]);
		port = Integer.parseInt(args[2]);
		operatorPassword = args[3];
		var which = args[4];
		database = args.length > 5 ? args[5] : "";
		SchoolDayBench.base = "http://127.0.0.1:" + port;
		Lesson lesson = null;
		try {
			start();
			lesson = Lesson.open();
			if (which.equals("all") || which.equals("kill")) {
				killed(lesson);
			}
			if ((which.equals("all") || which.equals("postgres")) && database.startsWith("jdbc:postgresql:")) {
				postgresRestarted(lesson);
			}
			if (which.equals("all") || which.equals("disk")) {
				diskFull(lesson);
			}
		}
		finally {
			if (lesson != null) {
				SchoolDayBench.send("DELETE", "/api/v1/desktops/mine", lesson.students().getFirst().token(), null, 200, 204,
						404);
			}
			if (server != null) {
				server.destroy();
				server.waitFor();
			}
		}
		System.out.println();
		results.forEach(System.out::println);
		if (failed) {
			System.exit(1);
		}
	}

	/** A school in a lesson: a teacher, two students, a running class session, a desktop, a saved file each. */
	record Lesson(String classId, String session, SchoolDayBench.Person teacher, List<SchoolDayBench.Person> students,
			String desktop) {

		static Lesson open() throws Exception {
			var operator = SchoolDayBench.token("admin", operatorPassword);
			SchoolDayBench.operator = operator;
			var stamp = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
			var opened = SchoolDayBench.send("POST", "/api/v1/schools", operator, """
					{"name":"Faults %s","accountQuota":10,"admin":{"username":"f-%s","givenName":"红","familyName":"林"}}"""
				.formatted(stamp, stamp), 201);
			var admin = SchoolDayBench.token("f-" + stamp, SchoolDayBench.field(opened, "initialPassword"));
			var csv = """
					username,given_name,family_name,role,class
					ft-%1$s,老师,张,teacher,五年级二班
					fa-%1$s,小明,王,student,五年级二班
					fb-%1$s,小红,李,student,五年级二班
					""".formatted(stamp);
			var answer = SchoolDayBench.importOnce(SchoolDayBench.field(opened, "id"), admin, csv);
			var people = new ArrayList<SchoolDayBench.Person>();
			var matcher = java.util.regex.Pattern.compile("\"username\":\"([^\"]+)\"[^}]*?\"initialPassword\":\"([^\"]+)\"")
				.matcher(answer.body());
			while (matcher.find()) {
				people.add(new SchoolDayBench.Person(matcher.group(1), matcher.group(2),
						SchoolDayBench.token(matcher.group(1), matcher.group(2))));
			}
			var classId = SchoolDayBench.field(SchoolDayBench.send("GET", "/api/v1/schools/"
					+ SchoolDayBench.field(opened, "id") + "/classes", admin, null, 200), "id");
			var teacher = people.getFirst();
			var session = SchoolDayBench.field(SchoolDayBench.send("POST", "/api/v1/classes/" + classId + "/sessions",
					teacher.token(), "{}", 201), "id");
			var students = people.subList(1, people.size());
			var desktop = SchoolDayBench.field(SchoolDayBench.send("POST", "/api/v1/desktops/mine", students.getFirst().token(),
					null, 200, 201), "id");
			for (var student : students) {
				save(student, "作文.txt", "我的作文 " + student.username());
			}
			return new Lesson(classId, session, teacher, students, desktop);
		}

		/** Every file saved so far is there, byte for byte; false names the first that is not. */
		boolean filesIntact(List<String[]> saved) throws Exception {
			for (var file : saved) {
				var student = students.stream().filter(s -> s.username().equals(file[0])).findFirst().orElseThrow();
				var body = SchoolDayBench.http.send(HttpRequest.newBuilder(URI.create(SchoolDayBench.base
						+ "/api/v1/drive/files/" + SchoolDayBench.encode(file[1]).replace("+", "%20")))
					.header("Authorization", "Bearer " + student.token()).build(), BodyHandlers.ofString());
				if (body.statusCode() != 200 || !body.body().equals(file[2])) {
					results.add("  lost: " + file[0] + "/" + file[1] + " (" + body.statusCode() + ")");
					return false;
				}
			}
			return true;
		}

		List<String[]> saved() {
			var files = new ArrayList<String[]>();
			for (var student : students) {
				files.add(new String[] { student.username(), "作文.txt", "我的作文 " + student.username() });
			}
			return files;
		}

		/** The lesson goes on: the session answers, the teacher locks and unlocks the screens. */
		boolean goesOn() {
			try {
				SchoolDayBench.send("GET", "/api/v1/sessions/" + session, teacher.token(), null, 200);
				SchoolDayBench.send("PUT", "/api/v1/sessions/" + session + "/lock", teacher.token(), "{\"locked\":true}", 200, 204);
				SchoolDayBench.send("PUT", "/api/v1/sessions/" + session + "/lock", teacher.token(), "{\"locked\":false}", 200, 204);
				return true;
			}
			catch (Exception e) {
				return false;
			}
		}
	}

	static void save(SchoolDayBench.Person student, String name, String text) throws Exception {
		SchoolDayBench.send("PUT", "/api/v1/drive/files/" + SchoolDayBench.encode(name), student.token(), text, 200, 201);
	}

	/** kill -9 in the middle of the lesson, and start again. */
	static void killed(Lesson lesson) throws Exception {
		server.destroyForcibly();
		server.waitFor();
		var back = start();
		var desktop = SchoolDayBench.send("GET", "/api/v1/desktops/mine", lesson.students().getFirst().token(), null, 200, 404);
		var adopted = desktop.contains(lesson.desktop());
		var intact = lesson.filesIntact(lesson.saved());
		var goesOn = lesson.goesOn();
		report("server killed mid-lesson (kill -9)", String.format(Locale.ROOT,
				"back in %.1f s; saved files intact: %s; the student's desktop adopted: %s; the lesson goes on: %s",
				back, yes(intact), yes(adopted), yes(goesOn)), intact && adopted && goesOn);
	}

	/** PostgreSQL restarted while students save; requests meanwhile may fail, nothing saved may be lost. */
	static void postgresRestarted(Lesson lesson) throws Exception {
		var failures = new AtomicInteger();
		var saves = new AtomicInteger();
		var saved = new ArrayList<>(lesson.saved());
		var student = lesson.students().getLast();
		var restart = Thread.ofVirtual().start(() -> {
			try {
				var version = Files.list(Path.of("/etc/postgresql")).findFirst().orElseThrow().getFileName().toString();
				new ProcessBuilder("pg_ctlcluster", version, "main", "restart").inheritIO().start().waitFor();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		var began = Instant.now();
		while (restart.isAlive() || Duration.between(began, Instant.now()).toSeconds() < 5) {
			var name = "restart-" + saves.incrementAndGet() + ".txt";
			try {
				save(student, name, "saved during the restart " + name);
				synchronized (saved) {
					saved.add(new String[] { student.username(), name, "saved during the restart " + name });
				}
			}
			catch (Exception e) {
				failures.incrementAndGet();
			}
			Thread.sleep(200);
		}
		var recovered = waitHealthy(Duration.ofSeconds(60));
		save(student, "after.txt", "after the restart");
		saved.add(new String[] { student.username(), "after.txt", "after the restart" });
		SchoolDayBench.problems.clear();
		var intact = lesson.filesIntact(saved);
		var goesOn = lesson.goesOn();
		report("PostgreSQL restarted under it", String.format(Locale.ROOT,
				"%d saves tried during the restart, %d refused; healthy again %.1f s after; every save answered as saved is there: %s; the lesson goes on: %s",
				saves.get(), failures.get(), recovered, yes(intact), yes(goesOn)), intact && goesOn && recovered >= 0);
	}

	/** The data disk fills up: saves are refused plainly, nothing is lost, and once there is room again all works. */
	static void diskFull(Lesson lesson) throws Exception {
		var filler = data.resolve("filler");
		try (var file = new java.io.RandomAccessFile(filler.toFile(), "rw")) {
			var block = new byte[1 << 20];
			while (true) {
				file.write(block);
			}
		}
		catch (java.io.IOException full) {
			// the disk is full
		}
		var student = lesson.students().getFirst();
		var refusal = SchoolDayBench.http.send(HttpRequest.newBuilder(URI.create(SchoolDayBench.base + "/api/v1/drive/files/"
				+ SchoolDayBench.encode("画.png"))).header("Authorization", "Bearer " + student.token())
			.header("Accept-Language", "zh-CN").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2 << 20])).build(),
				BodyHandlers.ofString());
		var health = health();
		var goesOnFull = lesson.goesOn();
		Files.delete(filler);
		var recovered = waitHealthy(Duration.ofSeconds(60));
		SchoolDayBench.problems.clear();
		var savesAgain = true;
		try {
			save(student, "画.png", "画");
		}
		catch (Exception e) {
			savesAgain = false;
		}
		var intact = lesson.filesIntact(lesson.saved());
		var goesOn = lesson.goesOn();
		report("data disk full", String.format(Locale.ROOT,
				"a save answered %d (%s); health while full: %s; the lesson went on while full: %s; after room was made: healthy in %.1f s, saving works: %s, saved files intact: %s, the lesson goes on: %s",
				refusal.statusCode(), refusal.body().replaceAll(".*\"detail\":\"([^\"]*)\".*", "$1"), health,
				yes(goesOnFull), recovered, yes(savesAgain), yes(intact), yes(goesOn)),
				refusal.statusCode() == 507 && savesAgain && intact && goesOn);
	}

	static String yes(boolean value) {
		return value ? "yes" : "NO";
	}

	static void report(String fault, String what, boolean passed) {
		results.add((passed ? "PASS " : "FAIL ") + fault + ": " + what);
		failed |= !passed;
	}

	/** Starts the server and answers how many seconds it took to be healthy. */
	static double start() throws Exception {
		var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolveSibling("server.log").toFile()));
		var env = command.environment();
		env.put("CLOUDROOM_DATA", data.toString());
		env.put("CLOUDROOM_PORT", Integer.toString(port));
		env.put("CLOUDROOM_HTTPS_PORT", "0");
		env.put("CLOUDROOM_ADMIN_PASSWORD", operatorPassword);
		if (!database.isEmpty()) {
			env.put("CLOUDROOM_DB_URL", database);
			env.put("CLOUDROOM_DB_USER", "postgres");
			env.put("CLOUDROOM_DB_PASSWORD", "");
		}
		server = command.start();
		var seconds = waitHealthy(Duration.ofSeconds(180));
		if (seconds < 0) {
			throw new IllegalStateException("the server did not start; see " + data.resolveSibling("server.log"));
		}
		return seconds;
	}

	/** Seconds until health says UP, or -1 when it did not within the timeout. */
	static double waitHealthy(Duration timeout) throws InterruptedException {
		var began = Instant.now();
		while (Duration.between(began, Instant.now()).compareTo(timeout) < 0) {
			if (health().equals("UP")) {
				return Duration.between(began, Instant.now()).toMillis() / 1000.0;
			}
			Thread.sleep(250);
		}
		return -1;
	}

	static String health() {
		try {
			var answer = SchoolDayBench.http.send(HttpRequest.newBuilder(URI.create(SchoolDayBench.base + "/actuator/health"))
				.timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
			return SchoolDayBench.field(answer.body(), "status");
		}
		catch (Exception e) {
			return "no answer";
		}
	}
}
