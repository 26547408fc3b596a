package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import org.cloudroom.CloudroomApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Web sessions are kept in the database: a server that restarts, or another server on the same database, knows
 * everyone who was logged in, with their CSRF tokens, and expired sessions are deleted. Each server here is a whole
 * application context of its own on an H2 file database.
 */
class WebSessionsTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
	private static final Pattern COOKIE = Pattern.compile("^(SESSION=[^;]+)");

	@TempDir
	Path data;

	private final HttpClient http = HttpClient.newHttpClient();
	private ConfigurableApplicationContext server;

	@AfterEach
	void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void anAdminLoggedInBeforeARestartIsStillLoggedInAfterItAndTheirFormsStillWork() throws Exception {
		server = start("0 * * * * *");
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var admin = server.getBean(Program.class).open("Restart School " + tag, 10, "radmin-" + tag, "Hong", "Lin")
			.admin();
		var cookie = logIn(admin);
		var settings = get("/settings", cookie);
		assertThat(settings.statusCode()).isEqualTo(200);
		var token = csrf(settings);

		server.close();
		server = start("0 * * * * *");

		var afterRestart = get("/settings", cookie);
		assertThat(afterRestart.statusCode()).as("the settings page after the restart").isEqualTo(200);
		assertThat(afterRestart.body()).as("the admin's name in the header").contains("Hong Lin");
		assertThat(server.getBean(JdbcClient.class)
			.sql("select max_inactive_interval from spring_session where principal_name = ?").param(admin.username())
			.query(Integer.class).single()).as("the session timeout, 8 hours").isEqualTo(8 * 3600);
		var logout = send(HttpRequest.newBuilder(uri("/logout")).header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, UTF_8))).build());
		assertThat(logout.headers().firstValue("Location")).as("logging out with the form of before the restart")
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
		assertThat(get("/settings", cookie).headers().firstValue("Location")).as("logged out")
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
	}

	@Test
	void whatAFormSaysAfterItsRedirectReachesTheNextPage() throws Exception {
		server = start("0 * * * * *");
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = server.getBean(Program.class).open("Flash School " + tag, 10, "fadmin-" + tag, "Hong", "Lin");
		var cookie = logIn(opened.admin());
		var school = "/schools/" + opened.school().id();
		var token = csrf(get(school, cookie));

		var refused = post(school + "/people", cookie, "username=x-%s&givenName=&familyName=Li&role=student&_csrf=%s"
			.formatted(tag, URLEncoder.encode(token, UTF_8)));
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith(school));
		assertThat(get(school, cookie).body()).as("the page after the refusal").contains("class=\"notice bad\"");
		var added = post(school + "/people", cookie, "username=y-%s&givenName=Bo&familyName=Li&role=student&_csrf=%s"
			.formatted(tag, URLEncoder.encode(token, UTF_8)));
		assertThat(added.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith(school));
		assertThat(get(school, cookie).body()).as("the new account's initial password, shown once")
			.containsPattern("<code>y-" + tag + "</code></td><td><code class=\"secret\">[a-z2-9]{8}</code>");
	}

	@Test
	void sessionsWhoseTimeRanOutAreDeleted() throws Exception {
		server = start("* * * * * *");
		var jdbc = server.getBean(JdbcClient.class);
		var old = get("/login", null);
		var fresh = get("/login", null);
		jdbc.sql("update spring_session set last_access_time = last_access_time - 28801000,"
				+ " expiry_time = expiry_time - 28801000 where session_id = ?").param(sessionId(old)).update();

		await().atMost(Duration.ofSeconds(10)).until(() -> sessions(jdbc, old) == 0);
		assertThat(sessions(jdbc, fresh)).as("a session still in its time").isEqualTo(1);
	}

	/** Logs in with the login form, as a browser does, and gives the session cookie. */
	private String logIn(Credential person) throws Exception {
		var loginPage = get("/login", null);
		var login = post("/login", cookie(loginPage), "username=%s&password=%s&_csrf=%s".formatted(person.username(),
				URLEncoder.encode(person.initialPassword(), UTF_8), URLEncoder.encode(csrf(loginPage), UTF_8)));
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
		return cookie(login);
	}

	private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build());
	}

	private static int sessions(JdbcClient jdbc, HttpResponse<String> response) {
		return jdbc.sql("select count(*) from spring_session where session_id = ?").param(sessionId(response))
			.query(Integer.class).single();
	}

	private ConfigurableApplicationContext start(String cleanup) {
		return new SpringApplicationBuilder(CloudroomApplication.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db").resolve("cloudroom"),
					"--cloudroom.data=" + data, "--spring.session.jdbc.cleanup-cron=" + cleanup);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + server.getEnvironment().getProperty("local.server.port") + path);
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		var request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String cookie(HttpResponse<String> response) {
		var matcher = COOKIE.matcher(response.headers().firstValue("Set-Cookie").orElseThrow());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	/** The session's id, which the cookie carries in Base64. */
	private static String sessionId(HttpResponse<String> response) {
		return new String(Base64.getDecoder().decode(cookie(response).substring("SESSION=".length())), UTF_8);
	}

	private static String csrf(HttpResponse<String> page) {
		var matcher = CSRF.matcher(page.body());
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}
}
