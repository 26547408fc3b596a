package org.cloudroom.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.gateway.ActiveMinuteRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Study time is counted with the connection its publisher already holds, never a second one: threads that each
 * hold a connection and wait for another starve a pool without any of them looking busy (issue #15, the server
 * that stopped mid-lesson). Here the pool has two connections and six publishers commit at once.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:study_connections;DB_CLOSE_DELAY=-1",
		"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=2000" })
class StudyLedgerConnectionsTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudyReports reports;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	@Test
	void publishersThatCommitAtOnceCountEveryMinuteWithAPoolOfTwo() throws Exception {
		var school = StudySchool.open(program, peopleImport, people, classes);
		var student = school.students().getFirst();
		var first = OffsetDateTime.parse("2026-03-02T01:00:00Z");
		// the student's first minute of the day makes the day's rows; the six after it only add to them
		events.publishEvent(new ActiveMinuteRecorded(student.id(), Objects.requireNonNull(student.schoolId()), first));
		var publishers = new ArrayList<Future<Object>>();
		var holdingTheirConnections = new CyclicBarrier(2);

		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 1; i <= 6; i++) {
				var minute = first.plusMinutes(i);
				publishers.add(threads.submit((Callable<Object>) () -> transactions.execute(status -> {
					jdbc.sql("select count(*) from active_minute").query(Integer.class).single();
					meet(holdingTheirConnections);
					events.publishEvent(new ActiveMinuteRecorded(student.id(), Objects.requireNonNull(student.schoolId()),
							minute));
					return "committed";
				})));
			}
			for (var publisher : publishers) {
				assertThat(publisher.get(30, TimeUnit.SECONDS)).isEqualTo("committed");
			}
		}

		assertThat(reports.school(StudySchool.user(school.admin()), school.id(), StudyLedgerTests.WEEK).minutes())
			.isEqualTo(7);
	}

	/**
	 * Publishers publish two at a time, each once the other holds its connection too: the pool has none left for
	 * a counter that would ask for a second one.
	 */
	private static void meet(CyclicBarrier publishers) {
		try {
			publishers.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (BrokenBarrierException | TimeoutException e) {
			throw new IllegalStateException("no second publisher held a connection", e);
		}
	}
}
