package org.cloudroom.desktops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cloudroom.MovingClock;
import org.cloudroom.TestSchools;
import org.cloudroom.TestSchools.Student;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/**
 * Two students start their desktops together, one at a time on this host: each shows its screen and starts its
 * taskbar only once the other's screen is shown too (session-wait long enough not to decide it). The server's clock
 * stands still but where the test moves it; whether a session was let start is seen at the provider.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desktops_screen_first;DB_CLOSE_DELAY=-1",
		"cloudroom.data=target/test-data/ds", "cloudroom.desktops.parallel-starts=1",
		"cloudroom.desktops.session-wait=60s" })
@AutoConfigureMockMvc
@Import(MovingClock.InTheServer.class)
class DesktopsScreenFirstTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Desktops desktops;

	@Autowired
	DesktopRecords records;

	@Autowired
	ScreenFirst screenFirst;

	@Autowired
	MovingClock clock;

	@MockitoSpyBean
	DesktopProvider provider;

	@Value("${cloudroom.data}")
	Path data;

	private List<Student> students;

	@BeforeEach
	void openSchool() {
		students = new TestSchools(mvc, json).openWithStudents(2);
	}

	@AfterEach
	void stopEveryDesktop() {
		records.all().forEach(row -> desktops.stop(row.owner(), DesktopStopped.Reason.OWNER));
	}

	@Test
	void desktopsStartingTogetherStartTheirTaskbarsOnceEveryScreenIsShown() throws Exception {
		var ready = new CountDownLatch(1);
		List<Future<Desktop>> starts;
		try (var pool = Executors.newFixedThreadPool(2)) {
			starts = students.stream().map(student -> pool.submit(() -> {
				ready.await();
				return desktops.startOrResume(student.user(), Locale.SIMPLIFIED_CHINESE);
			})).toList();
			ready.countDown();
		}
		var first = starts.get(0).get().id();
		var second = starts.get(1).get().id();

		clock.pass(Duration.ofMillis(1500));
		screenFirst.startSessions();
		verify(provider, never()).startSession(any());
		assertThat(taskbar(first)).isFalse();
		assertThat(taskbar(second)).isFalse();
		desktops.connected(first);
		clock.pass(Duration.ofMillis(1500));
		screenFirst.startSessions();
		verify(provider, never()).startSession(argThat(desktop -> desktop.id().equals(first)));
		assertThat(taskbar(first)).as("while the other screen is not shown").isFalse();
		desktops.connected(second);
		clock.pass(Duration.ofMillis(1500));

		await().atMost(Duration.ofSeconds(5)).until(() -> taskbar(first) && taskbar(second));
	}

	private boolean taskbar(UUID desktop) {
		return DesktopProcesses.named(DesktopProcesses.of(data, desktop), "icewm").isPresent();
	}
}
