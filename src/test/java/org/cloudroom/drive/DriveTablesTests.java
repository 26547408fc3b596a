package org.cloudroom.drive;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Quotas and usage as the tables keep them, on H2 and PostgreSQL. */
@DatabaseTest
class DriveTablesTests {

	@Autowired
	Quotas quotas;

	@Autowired
	Usage usage;

	@Test
	void aPersonHasTheirRolesQuotaUntilTheAdminSetsOne() {
		var person = PersonId.random();
		var school = SchoolId.random();

		assertThat(quotas.of(person, Role.STUDENT)).isEqualTo(2L << 30);
		assertThat(quotas.of(person, Role.TEACHER)).isEqualTo(10L << 30);
		quotas.set(person, school, 5_000_000_000L);
		quotas.set(person, school, 3_000_000_000L);
		assertThat(quotas.of(person, Role.STUDENT)).isEqualTo(3_000_000_000L);
		quotas.set(person, school, null);
		assertThat(quotas.own(person)).isEmpty();
	}

	@Test
	void keepsUsageFromMeasuresAndWebChanges() {
		var person = PersonId.random();

		usage.add(person, 100);
		assertThat(usage.of(person)).isEmpty();
		usage.measured(person, 5_000_000_000L);
		usage.add(person, 700);
		usage.add(person, -200);
		assertThat(usage.of(person)).contains(5_000_000_500L);
		usage.add(person, -6_000_000_000L);
		assertThat(usage.of(person)).contains(0L);
		usage.measured(person, 42);
		assertThat(usage.of(person)).contains(42L);
	}
}
