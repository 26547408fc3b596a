package org.cloudroom.desktops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cloudroom.TestSchools;
import org.cloudroom.TestSchools.Student;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/**
 * Two students start their desktops together, one at a time on this host: each shows its screen and starts its
 * taskbar only once the other's screen is shown too (session-wait long enough not to decide it).
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desktops_screen_first;DB_CLOSE_DELAY=-1",
		"cloudroom.data=target/test-data/ds", "cloudroom.desktops.parallel-starts=1",
		"cloudroom.desktops.session-wait=60s" })
@AutoConfigureMockMvc
class DesktopsScreenFirstTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Desktops desktops;

	@Autowired
	DesktopRecords records;

	@Value("${cloudroom.data}")
	Path data;

	private List<Student> students;

	@BeforeEach
	void openSchool() {
		students = new TestSchools(mvc, json).openWithStudents(2);
	}

	@AfterEach
	void stopEveryDesktop() {
		records.all().forEach(row -> desktops.stop(row.owner(), "test over"));
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

		Thread.sleep(1500);
		assertThat(taskbar(first)).isFalse();
		assertThat(taskbar(second)).isFalse();
		desktops.connected(first);
		Thread.sleep(1500);
		assertThat(taskbar(first)).as("while the other screen is not shown").isFalse();
		desktops.connected(second);

		await().atMost(Duration.ofSeconds(5)).until(() -> taskbar(first) && taskbar(second));
	}

	private boolean taskbar(UUID desktop) {
		return DesktopProcesses.named(DesktopProcesses.of(data, desktop), "icewm").isPresent();
	}
}
