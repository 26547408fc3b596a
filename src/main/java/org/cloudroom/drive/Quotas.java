package org.cloudroom.drive;

import java.util.Optional;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How much each person may keep: their role's default, unless their school admin set a quota of their own. */
@Repository
class Quotas {

	private final JdbcClient jdbc;
	private final DriveSettings settings;

	Quotas(JdbcClient jdbc, DriveSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	long of(PersonId person, Role role) {
		return own(person).orElseGet(() -> byDefault(role));
	}

	long byDefault(Role role) {
		return (role == Role.STUDENT ? settings.studentQuota() : settings.teacherQuota()).toBytes();
	}

	Optional<Long> own(PersonId person) {
		return jdbc.sql("select quota_bytes from drive_quota where person_id = ?").param(person.value())
			.query(Long.class).optional();
	}

	/** Sets the person's own quota, or with {@code null} gives them their role's default again. */
	void set(PersonId person, SchoolId school, @Nullable Long bytes) {
		jdbc.sql("delete from drive_quota where person_id = ?").param(person.value()).update();
		if (bytes != null) {
			jdbc.sql("insert into drive_quota (person_id, school_id, quota_bytes) values (?, ?, ?)")
				.params(person.value(), school.value(), bytes).update();
		}
	}
}
