package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cloudroom.TestSchools;
import org.cloudroom.TestSchools.Student;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Role;
import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.desktops.StudentTerminal;
import org.cloudroom.rfb.RfbClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/**
 * Two schools through the real gateway, each with a desktop whose screen never stops changing and a viewer that asks
 * for every frame as soon as it has the last: the school over its budget sees its seat slowed, the other not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SchoolUplinkTests {

	/** What a seat may owe beyond the budget: one frame, at most the whole 1280×720 screen in Raw. */
	private static final long BURST = 1280 * 720 * 4 + 1024;
	/**
	 * SetEncodings: Raw and DesktopSize only, after the first whole screen (ZRLE), so that the desktop spends no CPU
	 * compressing the terminal (a 40×10 terminal is some 130 KB a frame) and the seat is bounded by the budget alone.
	 */
	private static final int[] RAW_ONLY = { 2, 0, 0, 2, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x21 };
	private static final long ONE_MBIT = 125_000;

	@LocalServerPort
	int port;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Desktops desktops;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Value("${cloudroom.data}")
	Path data;

	private final HttpClient http = HttpClient.newHttpClient();
	private final List<Student> started = new ArrayList<>();
	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (var closing : open) {
			closing.close();
		}
		started.forEach(student -> desktops.stop(student.id(), DesktopStopped.Reason.OWNER));
	}

	@Test
	void aSchoolOverItsBudgetSeesItsSeatSlowedAnotherSchoolNotAndARaisedBudgetReachesTheOpenSeat()
			throws Exception {
		var village = new TestSchools(mvc, json).open(1);
		var town = new TestSchools(mvc, json).open(1);
		setUplink(village, "1");
		var slowed = viewer(busyDesktop(village.students().getFirst()), village.students().getFirst());
		var free = viewer(busyDesktop(town.students().getFirst()), town.students().getFirst());

		await().atMost(Duration.ofSeconds(60)).until(() -> slowed.bytes() > 0 && free.bytes() > 0);
		var window = Window.start(slowed, free);
		await().atMost(Duration.ofSeconds(120)).until(() -> free.bytes() - window.freeAtStart() > 6 * BURST
				&& slowed.bytes() > window.slowedAtStart());
		long seconds = window.elapsedNanos() / 1_000_000_000 + 1;
		long slowedBytes = slowed.bytes() - window.slowedAtStart();
		long freeBytes = free.bytes() - window.freeAtStart();

		assertThat(slowedBytes).as("1 Mbit/s for %d s, plus one frame", seconds)
			.isLessThanOrEqualTo(ONE_MBIT * seconds + BURST);
		assertThat(freeBytes).as("the school without a budget").isGreaterThan(3 * slowedBytes);

		setUplink(village, "100");
		var raised = Window.start(slowed, free);
		await().atMost(Duration.ofSeconds(60)).until(() -> slowed.bytes() - raised.slowedAtStart()
				> ONE_MBIT * (raised.elapsedNanos() / 1_000_000_000 + 1) + 2 * BURST);
	}

	private void setUplink(TestSchools.OpenedSchool school, String mbps) {
		var admin = people.findByUsername(school.adminUsername()).orElseThrow();
		var asAdmin = authentication(new UsernamePasswordAuthenticationToken(
				new CloudroomUser(admin.id(), school.id(), admin.username(), Role.ADMIN), null,
				List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
		assertThat(mvc.post().uri("/schools/{s}/uplink", school.id().toString()).param("uplink", mbps).with(asAdmin)
			.with(csrf())).hasStatus(HttpStatus.FOUND).flash().doesNotContainKey("refused");
	}

	/** Starts the student's desktop with a terminal that prints random text without end. */
	private UUID busyDesktop(Student student) throws Exception {
		var answer = mvc.post().uri("/api/v1/desktops/mine").header(AUTHORIZATION, student.bearer()).exchange();
		assertThat(answer).hasStatusOk();
		started.add(student);
		var desktop = UUID.fromString(json.readTree(answer.getResponse().getContentAsByteArray()).get("id").asString());
		var uid = jdbc.sql("select uid from desktop_account where person_id = ?").param(student.id().value())
			.query(Integer.class).single();
		var terminal = StudentTerminal.in(DesktopProcesses.of(data, desktop), uid, student.username());
		var printing = terminal.start(
				"exec xterm -geometry 40x10+0+0 -e sh -c 'while :; do head -c 3000 /dev/urandom | base64; done'");
		open.add(printing::destroyForcibly);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> terminal.run("xdotool search --onlyvisible --class xterm").exitCode() == 0);
		return desktop;
	}

	/** A viewer through the gateway that asks for the next frame as soon as one has come, on a thread of its own. */
	private Viewer viewer(UUID desktop, Student student) throws Exception {
		var socket = BrowserSocket.open(http, URI.create("ws://localhost:" + port + "/gateway/desktops/" + desktop),
				headers -> headers.header(AUTHORIZATION, student.bearer()));
		var client = RfbClient.open(socket.asChannel(), null);
		open.add(client);
		var firstFrame = new java.util.concurrent.atomic.AtomicLong();
		Thread.ofPlatform().daemon().start(() -> {
			try {
				client.requestUpdate(false);
				while (!client.read()) {
					// the first whole screen
				}
				firstFrame.set(client.bytesReceived());
				socket.send(RAW_ONLY);
				client.requestUpdate(true);
				while (true) {
					if (client.read()) {
						client.requestUpdate(true);
					}
				}
			}
			catch (IOException e) {
				// the test closed the viewer
			}
		});
		return () -> firstFrame.get() == 0 ? 0 : client.bytesReceived() - firstFrame.get();
	}

	private interface Viewer {
		/** The bytes after the first whole screen; 0 until it came. */
		long bytes();
	}

	private record Window(long startNanos, long slowedAtStart, long freeAtStart) {

		static Window start(Viewer slowed, Viewer free) {
			return new Window(System.nanoTime(), slowed.bytes(), free.bytes());
		}

		long elapsedNanos() {
			return System.nanoTime() - startNanos;
		}
	}
}
