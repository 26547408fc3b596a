package org.cloudroom;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/** On PostgreSQL, empties the test schema once per run, so every run starts from the migrations alone. */
@TestConfiguration(proxyBeanMethods = false)
@Profile("postgres")
class TestDatabase {

	private static final AtomicBoolean CLEANED = new AtomicBoolean();

	@Bean
	FlywayMigrationStrategy cleanOncePerRun() {
		return flyway -> {
			if (CLEANED.compareAndSet(false, true)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}
}
