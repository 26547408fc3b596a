package org.cloudroom.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.cloudroom.desktops.DesktopProcesses.XVNC;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import org.cloudroom.TestSchools;
import org.cloudroom.TestSchools.Student;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/** The gateway on a real port, with real desktops, reached as noVNC reaches it: over a WebSocket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DesktopGatewayTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Desktops desktops;

	@Autowired
	StudyMeter meter;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScheduledTaskHolder scheduled;

	@Value("${cloudroom.data}")
	Path data;

	private final HttpClient http = HttpClient.newHttpClient();
	private Student owner;
	private Student classmate;
	private UUID desktop;

	@BeforeEach
	void startTheOwnersDesktop() {
		var students = new TestSchools(mvc, json).openWithStudents(2);
		owner = students.get(0);
		classmate = students.get(1);
		var answer = mvc.post().uri("/api/v1/desktops/mine").header(AUTHORIZATION, owner.bearer()).exchange();
		assertThat(answer).hasStatusOk();
		desktop = UUID.fromString(json.readTree(answer.getResponse().getContentAsByteArray()).get("id").asString());
	}

	@AfterEach
	void stopDesktops() {
		desktops.stop(owner.id(), DesktopStopped.Reason.OWNER);
		desktops.stop(classmate.id(), DesktopStopped.Reason.OWNER);
	}

	@Test
	void ownerLoggedInWithTheFormGetsTheDesktopOverRfb38WithSecurityNone() throws Exception {
		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		logIn(browser, owner);

		try (var socket = BrowserSocket.open(browser, gateway(desktop), headers -> headers)) {
			var init = socket.handshake();

			assertThat(init.width()).isEqualTo(1280);
			assertThat(init.height()).isEqualTo(720);
			assertThat(init.name()).isEqualTo(owner.username());
			await().atMost(BrowserSocket.PATIENCE)
				.until(() -> desktops.find(desktop).map(Desktop::state).orElse(null) == Desktop.State.CONNECTED);
		}
	}

	@Test
	void classmateGets403AndNobodyLoggedIn401BeforeAnyRfb() {
		assertThat(refusal(gateway(desktop), classmate.bearer())).isEqualTo(403);
		assertThat(refusal(gateway(desktop), null)).isEqualTo(401);
		assertThat(desktops.find(desktop)).get().extracting(Desktop::state).isEqualTo(Desktop.State.DISCONNECTED);
	}

	@Test
	void desktopThatDoesNotRunGets404() {
		assertThat(refusal(gateway(UUID.randomUUID()), owner.bearer())).isEqualTo(404);
		assertThat(refusal(URI.create("ws://localhost:" + port + "/gateway/desktops/not-an-id"), owner.bearer()))
			.isEqualTo(404);
	}

	@Test
	void pageOfAnotherSiteCannotOpenTheOwnersDesktop() {
		var error = catchThrowable(() -> BrowserSocket.open(http, gateway(desktop),
				headers -> headers.header(AUTHORIZATION, owner.bearer()).header("Origin", "http://evil.example")));

		assertThat(status(error)).isEqualTo(403);
	}

	@Test
	void aMalformedOriginIsForbiddenNotAServerError() {
		for (var origin : java.util.List.of("http://[::1", "::::", "http://%", "http://localhost:80:80",
				"http://localhost:99999999999")) {
			var error = catchThrowable(() -> BrowserSocket.open(http, gateway(desktop),
					headers -> headers.header(AUTHORIZATION, owner.bearer()).header("Origin", origin)));

			assertThat(status(error)).as(origin).isEqualTo(403);
		}
	}

	@Test
	void anotherSchoolsDesktopIsNotFoundAtTheGatewayNorForTheOtherSchoolsAdmin() {
		var stranger = new TestSchools(mvc, json).openWithStudents(1).getFirst();
		var strangersAdmin = new CloudroomUser(PersonId.random(), stranger.school(), "their-admin", Role.ADMIN);

		assertThat(refusal(gateway(desktop), stranger.bearer())).as("like a desktop that does not run")
			.isEqualTo(refusal(gateway(UUID.randomUUID()), stranger.bearer())).isEqualTo(404);
		var asTheirAdmin = authentication(new UsernamePasswordAuthenticationToken(strangersAdmin, null,
				java.util.List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		assertThat(mvc.delete().uri("/api/v1/schools/{s}/desktops/{d}", stranger.school().toString(), desktop)
			.with(asTheirAdmin).with(csrf()).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri("/api/v1/schools/{s}/desktops/{d}", owner.school().toString(), desktop)
			.with(asTheirAdmin).with(csrf()).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(desktops.find(desktop)).as("still running").isPresent();
	}

	@Test
	void aPersonsNinthConnectionIsRefusedWith429BeforeTheUpgradeUntilOneCloses() throws Exception {
		var open = new java.util.ArrayList<BrowserSocket>();
		try {
			for (int i = 0; i < 8; i++) {
				var socket = open();
				socket.handshake();
				open.add(socket);
			}

			await().atMost(BrowserSocket.PATIENCE)
				.until(() -> desktops.find(desktop).map(Desktop::connections).orElse(0) == 8);

			assertThat(refusal(gateway(desktop), owner.bearer())).isEqualTo(429);
			assertThat(desktops.find(desktop)).get().extracting(Desktop::connections).isEqualTo(8);

			open.removeFirst().close();
			await().atMost(BrowserSocket.PATIENCE)
				.until(() -> desktops.find(desktop).map(Desktop::connections).orElse(0) == 7);
			try (var ninth = open()) {
				assertThat(ninth.handshake().name()).isEqualTo(owner.username());
			}
		}
		finally {
			open.forEach(BrowserSocket::close);
		}
	}

	@Test
	void malformedMessageClosesOnlyItsOwnConnection() throws Exception {
		try (var broken = open(); var working = open()) {
			broken.handshake();
			working.handshake();

			broken.send(7, 0, 0, 0);

			assertThat(broken.closeCode()).as("bad request").isEqualTo(4400);
			working.send(3, 0, 0, 0, 0, 0, 0, 16, 0, 16);
			assertThat(working.read(1)[0]).as("FramebufferUpdate").isZero();
			try (var another = open()) {
				assertThat(another.handshake().name()).isEqualTo(owner.username());
			}
			assertThat(DesktopProcesses.named(DesktopProcesses.of(data, desktop), XVNC))
				.hasValueSatisfying(xvnc -> assertThat(DesktopProcesses.running(xvnc)).isTrue());
		}
	}

	@Test
	void aScreenSizeFromAClientThatNeverAskedForScreenLayoutsIsDroppedAndTheDesktopLives() throws Exception {
		try (var socket = open()) {
			socket.handshake();

			// SetDesktopSize 1000×600, one screen, with no SetEncodings before it: TigerVNC 1.12 would crash on it.
			socket.send(251, 0, 3, 232, 2, 88, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 232, 2, 88, 0, 0, 0, 0);
			socket.send(3, 0, 0, 0, 0, 0, 0, 16, 0, 16);

			assertThat(socket.read(1)[0]).as("FramebufferUpdate: the connection and the desktop go on").isZero();
			assertThat(DesktopProcesses.named(DesktopProcesses.of(data, desktop), XVNC))
				.hasValueSatisfying(xvnc -> assertThat(DesktopProcesses.running(xvnc)).isTrue());
		}
	}

	@Test
	void keysAndPointerOfTheOwnerCountAsAnActiveMinute() throws Exception {
		assertThat(activeMinutes(owner.id())).isZero();
		try (var socket = open()) {
			socket.handshake();

			socket.send(4, 1, 0, 0, 0, 0, 0xff, 0xe1);
			socket.send(4, 0, 0, 0, 0, 0, 0xff, 0xe1);
			socket.send(5, 0, 0, 100, 0, 100);

			await().atMost(BrowserSocket.PATIENCE).until(() -> activeMinutes(owner.id()) > 0);
		}
		assertThat(activeMinutes(owner.id())).isBetween(1, 2);
		assertThat(jdbc.sql("select sum(events) from active_minute where person_id = ?").param(owner.id().value())
			.query(Integer.class).single()).isEqualTo(3);
		assertThat(activeMinutes(classmate.id())).isZero();
	}

	@Test
	void writesTheMetersMinutesEveryTenSecondsWithoutBeingAsked() {
		assertThat(scheduled.getScheduledTasks()).map(ScheduledTask::getTask)
			.filteredOn(task -> task.getRunnable().toString().contains(MeterFlushing.class.getSimpleName()))
			.singleElement().isInstanceOfSatisfying(FixedDelayTask.class,
					task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(10)));
	}

	@Test
	void shuttingTheDesktopDownEndsTheBrowsersConnectionCleanly() throws Exception {
		try (var socket = open()) {
			socket.handshake();

			assertThat(mvc.delete().uri("/api/v1/desktops/mine").header(AUTHORIZATION, owner.bearer()))
				.hasStatus(HttpStatus.NO_CONTENT);

			assertThat(socket.closeCode()).isEqualTo(1000);
		}
		assertThat(mvc.get().uri("/api/v1/desktops/mine").header(AUTHORIZATION, owner.bearer()))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	private BrowserSocket open() throws Exception {
		return BrowserSocket.open(http, gateway(desktop), headers -> headers.header(AUTHORIZATION, owner.bearer()));
	}

	private URI gateway(UUID id) {
		return URI.create("ws://localhost:" + port + "/gateway/desktops/" + id);
	}

	/** The HTTP status the upgrade was refused with. */
	private int refusal(URI uri, String bearer) {
		return status(catchThrowable(() -> BrowserSocket.open(http, uri,
				headers -> bearer == null ? headers : headers.header(AUTHORIZATION, bearer))));
	}

	private static int status(Throwable error) {
		assertThat(error).isInstanceOf(ExecutionException.class).cause()
			.isInstanceOf(WebSocketHandshakeException.class);
		return ((WebSocketHandshakeException) error.getCause()).getResponse().statusCode();
	}

	/** Logs in with the login form, as a browser does: its session cookie stays in the client. */
	private void logIn(HttpClient browser, Student student) throws Exception {
		var page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		var csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
		var form = "username=%s&password=%s&_csrf=%s".formatted(student.username(),
				URLEncoder.encode(student.password(), UTF_8), URLEncoder.encode(csrf.group(1), UTF_8));
		var login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
	}

	/** The person's active minutes so far, the meter's unwritten ones written first. */
	private int activeMinutes(PersonId person) {
		meter.flush();
		return jdbc.sql("select count(*) from active_minute where person_id = ?").param(person.value())
			.query(Integer.class).single();
	}
}
