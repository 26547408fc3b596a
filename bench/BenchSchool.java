import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A school of students made through a running server's JSON API, as the operator would, for the uplink bench: its
 * students, files put in their drives, their desktops started and stopped.
 */
final class BenchSchool {

	record Student(String username, String password, String token) {
	}

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String base;
	private final String operator;
	final String id;
	final List<Student> students = new ArrayList<>();

	BenchSchool(String base, String operatorPassword, int seats) throws Exception {
		this.base = base;
		this.operator = token("admin", operatorPassword);
		var stamp = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		id = field(send(json("/api/v1/schools", operator, "POST",
				"{\"name\":\"Uplink " + stamp + "\",\"accountQuota\":" + (seats + 5) + "}")), "id");
		var csv = new StringBuilder("username,given_name,family_name,role,class\n");
		for (int i = 1; i <= seats; i++) {
			csv.append("u%s-%02d,Student%d,Uplink,student,Uplink class\n".formatted(stamp, i, i));
		}
		var imported = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + id + "/people/import"))
			.header("Authorization", "Bearer " + operator).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build());
		var matcher = Pattern.compile("\"username\":\"([^\"]+)\".*?\"initialPassword\":\"([^\"]+)\"").matcher(imported);
		while (matcher.find()) {
			students.add(new Student(matcher.group(1), matcher.group(2), token(matcher.group(1), matcher.group(2))));
		}
		if (students.size() != seats) {
			throw new IllegalStateException("imported " + students.size() + " students of " + seats + ": " + imported);
		}
	}

	/**
	 * The hook for a school's uplink budget (issue #17, being built): BENCH_SCHOOL_SETTING="METHOD /api/path JSON",
	 * {school} in the path standing for this school's id, is sent as the operator before any desktop starts.
	 */
	void applySetting(String setting) throws Exception {
		var parts = setting.strip().split("\\s+", 3);
		send(json(parts[1].replace("{school}", id), operator, parts[0], parts.length > 2 ? parts[2] : ""));
	}

	/** Puts a file into the student's drive (their desktop's home), replacing one there. */
	void upload(Student student, String path, byte[] content) throws Exception {
		send(HttpRequest.newBuilder(URI.create(base + "/api/v1/drive/files/" + path))
			.header("Authorization", "Bearer " + student.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
	}

	void startDesktop(Student student) throws Exception {
		send(json("/api/v1/desktops/mine", student.token(), "POST", ""));
	}

	void stopDesktop(Student student) {
		try {
			HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/desktops/mine"))
				.header("Authorization", "Bearer " + student.token()).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
		}
		catch (Exception e) {
			System.err.println("could not stop the desktop of " + student.username() + ": " + e);
		}
	}

	private String token(String username, String password) throws Exception {
		return field(send(json("/api/v1/auth/token", null, "POST",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")), "token");
	}

	private HttpRequest json(String path, String token, String method, String body) {
		var builder = HttpRequest.newBuilder(URI.create(base + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		if (!body.isEmpty()) {
			builder.header("Content-Type", "application/json");
		}
		return builder.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private static String send(HttpRequest request) throws Exception {
		var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String field(String json, String name) {
		var m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}
}
