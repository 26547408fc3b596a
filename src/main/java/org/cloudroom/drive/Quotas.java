package org.cloudroom.drive;

import java.util.Optional;

import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How much each person may keep: their own quota if their school admin set one, else their school's default for
 * their role, else the server's ({@code cloudroom.drive.student-quota}, {@code .teacher-quota}).
 */
@Repository
class Quotas {

	private final JdbcClient jdbc;
	private final DriveSettings settings;
	private final People people;

	Quotas(JdbcClient jdbc, DriveSettings settings, People people) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.people = people;
	}

	long of(PersonId person, Role role) {
		return own(person).orElseGet(() -> people.find(person).map(Person::schoolId)
			.map(school -> ofSchool(school, role)).orElseGet(() -> byDefault(role)));
	}

	/** The school's default for a role: its own, or the server's. */
	long ofSchool(SchoolId school, Role role) {
		return schoolDefault(school, role).orElseGet(() -> byDefault(role));
	}

	Optional<Long> schoolDefault(SchoolId school, Role role) {
		return jdbc.sql("select quota_bytes from drive_school_quota where school_id = ? and role = ?")
			.params(school.value(), key(role)).query(Long.class).optional();
	}

	long byDefault(Role role) {
		return (role == Role.STUDENT ? settings.studentQuota() : settings.teacherQuota()).toBytes();
	}

	Optional<Long> own(PersonId person) {
		return jdbc.sql("select quota_bytes from drive_quota where person_id = ?").param(person.value())
			.query(Long.class).optional();
	}

	/** Sets the person's own quota, or with {@code null} gives them their school's default again. */
	void set(PersonId person, SchoolId school, @Nullable Long bytes) {
		jdbc.sql("delete from drive_quota where person_id = ?").param(person.value()).update();
		if (bytes != null) {
			jdbc.sql("insert into drive_quota (person_id, school_id, quota_bytes) values (?, ?, ?)")
				.params(person.value(), school.value(), bytes).update();
		}
	}

	/** Sets the school's default for students, or for teachers and admins; {@code null} gives the server's. */
	void setSchoolDefault(SchoolId school, Role role, @Nullable Long bytes) {
		jdbc.sql("delete from drive_school_quota where school_id = ? and role = ?").params(school.value(), key(role))
			.update();
		if (bytes != null) {
			jdbc.sql("insert into drive_school_quota (school_id, role, quota_bytes) values (?, ?, ?)")
				.params(school.value(), key(role), bytes).update();
		}
	}

	/** Students have their default; teachers and admins share one. */
	private static String key(Role role) {
		return role == Role.STUDENT ? "STUDENT" : "TEACHER";
	}
}
