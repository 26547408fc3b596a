package org.cloudroom.desktops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Program;
import org.cloudroom.apps.AppsChanged;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A teacher's change of apps is committed and answered while the running desktops' menus are still being written,
 * and the database connection it used is free meanwhile (issue #15: menus were written with the teacher's request's
 * connection held, and a desktop that never let its menu be written held it for good). The pool has two connections.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:menu_updates;DB_CLOSE_DELAY=-1",
		"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=2000" })
class MenuUpdatesTests {

	@MockitoBean
	DesktopProvider provider;

	@Autowired
	DesktopRecords records;

	@Autowired
	Program program;

	@Autowired
	People people;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangeOfAppsIsCommittedWhileTheDesktopsMenusAreStillWrittenWithTheConnectionFree() throws Exception {
		var opened = program.open("Menu School " + UUID.randomUUID().toString().substring(0, 6), 5,
				"menu-" + UUID.randomUUID().toString().substring(0, 6), "Hong", "Lin");
		var school = opened.school().id();
		var admin = people.findByUsername(opened.admin().username()).orElseThrow();
		records.insert(new DesktopRecords.Row(new RunningDesktop(UUID.randomUUID(), "/nowhere", "1"), admin.id(), school,
				OffsetDateTime.now(ZoneOffset.UTC)));
		var writing = new CountDownLatch(1);
		var written = new CountDownLatch(1);
		doAnswer(call -> {
			writing.countDown();
			written.await(30, TimeUnit.SECONDS);
			return null;
		}).when(provider).applyMenu(any(), any());

		try (var teacher = Executors.newVirtualThreadPerTaskExecutor()) {
			var change = teacher.submit(() -> transactions.execute(status -> {
				jdbc.sql("select count(*) from desktop").query(Integer.class).single();
				events.publishEvent(new AppsChanged(school));
				return "committed";
			}));

			assertThat(writing.await(10, TimeUnit.SECONDS)).as("the menu is being written").isTrue();
			assertThat(change.get(5, TimeUnit.SECONDS)).isEqualTo("committed");
			assertThat(jdbc.sql("select count(*) from desktop where school_id = ?").param(school.value())
				.query(Integer.class).single()).as("a connection is free").isEqualTo(1);
			written.countDown();
		}
	}
}
