package org.cloudroom.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Starting and ending a class session write to every student's tab and to the gateway's connections; a tab that does
 * not read holds such a write up. The database connection of the start or the end is back in the pool by then
 * (issue #15: teachers' clicks held connections across writes to students, and a room of stuck tabs emptied the
 * pool). Here the pool has two connections, two teachers start and end at once, and the writes hang.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:classroom_connections;DB_CLOSE_DELAY=-1",
		"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=2000" })
@Import(SessionChangesHoldNoConnectionTests.StuckTabs.class)
class SessionChangesHoldNoConnectionTests {

	/** A listener of session changes that hangs as a write to a tab that does not read does, until released. */
	@TestConfiguration(proxyBeanMethods = false)
	static class StuckTabs {

		volatile CountDownLatch writing = new CountDownLatch(0);
		volatile CountDownLatch released = new CountDownLatch(0);

		@EventListener
		void on(SessionChanged changed) throws InterruptedException {
			writing.countDown();
			released.await(30, TimeUnit.SECONDS);
		}

		void hang(int writes) {
			writing = new CountDownLatch(writes);
			released = new CountDownLatch(1);
		}
	}

	@Autowired
	StuckTabs tabs;

	@Autowired
	DataSource dataSource;

	@Autowired
	ClassSessions sessions;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	@Test
	void twoTeachersStartAndEndWhileTheirClassesTabsHangAndThePoolStaysFree() throws Exception {
		var school = ClassOfTwo.open(program, peopleImport, people, classes);
		var started = whileTheTabsHang(
				i -> i == 0 ? sessions.start(school.teacher(), school.class52(), null)
						: sessions.start(school.otherTeacher(), school.class53(), null));
		whileTheTabsHang(i -> sessions.end(i == 0 ? school.teacher() : school.otherTeacher(), started[i].id()));

		assertThat(sessions.runningOf(school.class52())).isEmpty();
		assertThat(sessions.runningOf(school.class53())).isEmpty();
	}

	/** Runs the two teachers' actions at once; while both hang writing, the pool lends no connection to them. */
	private ClassSession[] whileTheTabsHang(Function<Integer, ClassSession> action) throws Exception {
		tabs.hang(2);
		try (var teachers = Executors.newVirtualThreadPerTaskExecutor()) {
			var first = teachers.submit(() -> action.apply(0));
			var second = teachers.submit(() -> action.apply(1));
			assertThat(tabs.writing.await(20, TimeUnit.SECONDS)).as("both teachers' changes reach the tabs").isTrue();

			await().atMost(Duration.ofSeconds(3))
				.untilAsserted(() -> assertThat(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean()
					.getActiveConnections()).isZero());
			assertThat(sessions.find(new java.util.UUID(0, 0))).as("another request gets a connection").isEmpty();

			tabs.released.countDown();
			return new ClassSession[] { first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS) };
		}
	}
}
