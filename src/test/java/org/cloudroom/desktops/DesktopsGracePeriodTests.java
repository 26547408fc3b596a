package org.cloudroom.desktops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cloudroom.MovingClock;
import org.cloudroom.TestSchools;
import org.cloudroom.TestSchools.Student;
import org.cloudroom.drive.Homes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/**
 * A desktop nobody uses is shut down after its grace period, the default quarter of an hour on the server's clock,
 * which the test moves; checked five times a second.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desktops_grace;DB_CLOSE_DELAY=-1",
		"cloudroom.data=target/test-data/dg", "cloudroom.desktops.check-every=200ms" })
@AutoConfigureMockMvc
@Import({ DesktopsGracePeriodTests.StoppedDesktops.class, MovingClock.InTheServer.class })
class DesktopsGracePeriodTests {

	private static final Duration GRACE = Duration.ofMinutes(15);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Desktops desktops;

	@Autowired
	DesktopRecords records;

	@Autowired
	Homes homes;

	@Autowired
	StoppedDesktops stopped;

	@Autowired
	GracePeriods gracePeriods;

	@Autowired
	MovingClock clock;

	@Value("${cloudroom.data}")
	Path data;

	private Student student;

	@BeforeEach
	void openSchool() {
		student = new TestSchools(mvc, json).openWithStudents(1).getFirst();
	}

	@AfterEach
	void stopEveryDesktop() {
		records.all().forEach(row -> desktops.stop(row.owner(), DesktopStopped.Reason.OWNER));
	}

	@Test
	void desktopWithNobodyConnectedIsShutDownAfterTheGracePeriodAndTheHomeStays() {
		var startedAt = clock.instant();
		var desktop = start();
		var processes = DesktopProcesses.of(data, desktop);
		clock.pass(GRACE.minusSeconds(1));
		gracePeriods.check();
		assertThat(stopped.of(desktop)).as("within its grace period").isEmpty();

		clock.pass(Duration.ofSeconds(2));
		await().atMost(Duration.ofSeconds(10)).until(() -> stopped.of(desktop).isPresent());

		assertThat(Duration.between(startedAt, clock.instant())).isGreaterThanOrEqualTo(GRACE);
		assertThat(stopped.of(desktop)).get().extracting(DesktopStopped::reason).isEqualTo(DesktopStopped.Reason.IDLE);
		assertThat(mvc.get().uri("/api/v1/desktops/mine").header(AUTHORIZATION, student.bearer()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(processes).isNotEmpty().noneMatch(DesktopProcesses::running);
		assertThat(data.resolve("desktops").resolve(desktop.toString())).doesNotExist();
		assertThat(homes.of(student.id())).isDirectory();
	}

	@Test
	void desktopKeepsRunningWhileABrowserIsConnectedAndIsShutDownAfterItLeft() throws Exception {
		var desktop = start();

		desktops.connected(desktop);
		clock.pass(GRACE.multipliedBy(3));
		gracePeriods.check();
		await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(500)).until(() -> sessionStarted(desktop));

		assertThat(stopped.of(desktop)).isEmpty();
		assertThat(mvc.get().uri("/api/v1/desktops/mine").header(AUTHORIZATION, student.bearer())).hasStatusOk()
			.bodyJson().extractingPath("state").isEqualTo("connected");
		assertThat(DesktopProcesses.of(data, desktop)).isNotEmpty().allMatch(DesktopProcesses::running);

		desktops.disconnected(desktop);
		clock.pass(GRACE.plusSeconds(1));

		await().atMost(Duration.ofSeconds(10)).until(() -> stopped.of(desktop).isPresent());
		assertThat(stopped.of(desktop)).get().extracting(DesktopStopped::reason).isEqualTo(DesktopStopped.Reason.IDLE);
	}

	/** The desktop's session has started (its taskbar runs) and none of its processes is on its way out. */
	private boolean sessionStarted(UUID desktop) {
		var processes = DesktopProcesses.of(data, desktop);
		return DesktopProcesses.named(processes, "icewm").isPresent()
				&& processes.stream().allMatch(DesktopProcesses::running);
	}

	private UUID start() {
		var answer = mvc.post().uri("/api/v1/desktops/mine").header(AUTHORIZATION, student.bearer()).exchange();
		assertThat(answer).hasStatusOk();
		return UUID.fromString(json.readTree(new String(answer.getResponse().getContentAsByteArray(), UTF_8))
			.get("id").asString());
	}

	/** The desktops stopped, as the broker announced them (from its scheduler's thread). */
	static class StoppedDesktops {

		private final List<DesktopStopped> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DesktopStopped event) {
			events.add(event);
		}

		Optional<DesktopStopped> of(UUID desktop) {
			return events.stream().filter(e -> e.desktop().equals(desktop)).findFirst();
		}
	}
}
