import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Study time at the scale of a program (see bench/reporting.sh):
 * seed    — writes schools, classes, students and a school year of study days straight into the database
 *           (a bench only: the server is stopped, and nobody logs in as these students);
 * measure — times the program, school and class reports and a school's CSV through the running server's API.
 */
public class ReportingBench {

	static final HttpClient http = HttpClient.newHttpClient();

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "seed" -> seed(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
					Integer.parseInt(args[6]));
			case "measure" -> measure(args[1], args[2]);
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	/** Schools with students in classes of 45; each student studies 10 to 90 minutes on 9 of 10 school days. */
	static void seed(String url, String user, String password, int schools, int students, int schoolDays)
			throws Exception {
		var zone = ZoneId.of("Asia/Shanghai");
		var today = LocalDate.now(zone);
		var days = new ArrayList<LocalDate>();
		for (var day = today; days.size() < schoolDays; day = day.minusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days.add(day);
			}
		}
		Collections.reverse(days);
		var random = new Random(6);
		var now = OffsetDateTime.now();
		long t0 = System.nanoTime();
		long rows = 0;
		try (var db = DriverManager.getConnection(url, user, password)) {
			db.setAutoCommit(false);
			var school = db.prepareStatement("insert into school (id, name, account_quota, created_at) values (?, ?, ?, ?)");
			var schoolClass = db.prepareStatement(
					"insert into school_class (id, school_id, name, created_at) values (?, ?, ?, ?)");
			var person = db.prepareStatement("""
					insert into person (id, school_id, username, given_name, family_name, role, password_hash,
					                    own_password, failed_logins, created_at)
					values (?, ?, ?, '小明', '王', 'STUDENT', 'bench: no login', false, 0, ?)""");
			var member = db.prepareStatement("insert into class_member (class_id, person_id, school_id) values (?, ?, ?)");
			var studyPerson = db.prepareStatement("""
					insert into study_person (person_id, school_id, student, active_minutes, first_day, last_day)
					values (?, ?, true, ?, ?, ?)""");
			var studyDay = db.prepareStatement("""
					insert into study_day (person_id, school_id, on_day, active_minutes, desktop_starts, desktop_minutes)
					values (?, ?, ?, ?, 1, ?)""");
			var schoolDay = db.prepareStatement("""
					insert into study_school_day (school_id, on_day, active_minutes, active_students, desktop_starts)
					values (?, ?, ?, ?, ?)""");
			for (int s = 0; s < schools; s++) {
				var schoolId = UUID.randomUUID();
				int size = students / schools + (s < students % schools ? 1 : 0);
				school.setObject(1, schoolId);
				school.setString(2, "Bench School %02d".formatted(s + 1));
				school.setInt(3, size + 10);
				school.setObject(4, now);
				school.executeUpdate();
				var minutesOfDay = new long[days.size()];
				var studentsOfDay = new int[days.size()];
				UUID classId = null;
				for (int p = 0; p < size; p++) {
					if (p % 45 == 0) {
						classId = UUID.randomUUID();
						schoolClass.setObject(1, classId);
						schoolClass.setObject(2, schoolId);
						schoolClass.setString(3, "Class %02d".formatted(p / 45 + 1));
						schoolClass.setObject(4, now);
						schoolClass.executeUpdate();
					}
					var personId = UUID.randomUUID();
					person.setObject(1, personId);
					person.setObject(2, schoolId);
					person.setString(3, "bench-%02d-%04d".formatted(s + 1, p + 1));
					person.setObject(4, now);
					person.executeUpdate();
					member.setObject(1, classId);
					member.setObject(2, personId);
					member.setObject(3, schoolId);
					member.executeUpdate();
					long total = 0;
					LocalDate first = null;
					LocalDate last = null;
					for (int d = 0; d < days.size(); d++) {
						if (random.nextInt(10) == 0) {
							continue;
						}
						int minutes = 10 + random.nextInt(81);
						studyDay.setObject(1, personId);
						studyDay.setObject(2, schoolId);
						studyDay.setObject(3, days.get(d));
						studyDay.setInt(4, minutes);
						studyDay.setInt(5, minutes + 10);
						studyDay.addBatch();
						total += minutes;
						minutesOfDay[d] += minutes;
						studentsOfDay[d]++;
						first = first == null ? days.get(d) : first;
						last = days.get(d);
						if (++rows % 5000 == 0) {
							studyDay.executeBatch();
						}
					}
					studyPerson.setObject(1, personId);
					studyPerson.setObject(2, schoolId);
					studyPerson.setLong(3, total);
					studyPerson.setObject(4, first);
					studyPerson.setObject(5, last);
					studyPerson.executeUpdate();
				}
				studyDay.executeBatch();
				for (int d = 0; d < days.size(); d++) {
					schoolDay.setObject(1, schoolId);
					schoolDay.setObject(2, days.get(d));
					schoolDay.setLong(3, minutesOfDay[d]);
					schoolDay.setInt(4, studentsOfDay[d]);
					schoolDay.setInt(5, studentsOfDay[d]);
					schoolDay.addBatch();
				}
				schoolDay.executeBatch();
				db.commit();
			}
			try (var statement = db.createStatement()) {
				statement.execute("analyze");
			}
			db.commit();
		}
		System.out.printf(Locale.ROOT, "seeded %d schools, %d students, %d school days: %,d study days in %.0f s%n",
				schools, students, days.size(), rows, (System.nanoTime() - t0) / 1e9);
	}

	static void measure(String base, String operatorPassword) throws Exception {
		var token = token(base, operatorPassword);
		var school = first(get(base, "/api/v1/schools", token), "\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
		var schoolClass = first(get(base, "/api/v1/schools/" + school + "/classes", token),
				"\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
		time(base, token, "program, last 365 days", "/api/v1/reports/program?days=365");
		time(base, token, "program, last 30 days", "/api/v1/reports/program?days=30");
		time(base, token, "one school, last 365 days", "/api/v1/schools/" + school + "/reports?days=365");
		time(base, token, "one class, last 365 days", "/api/v1/classes/" + schoolClass + "/reports?days=365");
		time(base, token, "one school's CSV, last 365 days",
				"/api/v1/schools/" + school + "/reports/study-time.csv?days=365");
	}

	static void time(String base, String token, String what, String path) throws Exception {
		for (int i = 0; i < 3; i++) {
			get(base, path, token);
		}
		var millis = new ArrayList<Double>();
		int bytes = 0;
		for (int i = 0; i < 15; i++) {
			long t0 = System.nanoTime();
			bytes = get(base, path, token).length();
			millis.add((System.nanoTime() - t0) / 1e6);
		}
		Collections.sort(millis);
		System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %,d B |%n", what, millis.get(7), millis.get(13),
				bytes);
	}

	static String token(String base, String password) throws Exception {
		var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		return first(answer, "\"token\"\\s*:\\s*\"([^\"]+)\"");
	}

	static String get(String base, String path, String token) throws Exception {
		var answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body();
	}

	static String first(String text, String regex) {
		var matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + regex + " in " + text);
		}
		return matcher.group(1);
	}
}
