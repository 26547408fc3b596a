package org.cloudroom.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.DesktopStarted;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.gateway.ActiveMinuteRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Adds each event to the students' aggregates, in the publisher's transaction just before it commits (or in one of
 * its own at once when there is none): what is counted commits or rolls back with what happened, and the publisher's
 * connection serves both. A listener in a transaction of its own after the commit would take a second connection
 * while the publisher's is still held, and a handful of publishers committing at once would each wait for the
 * other's: the pool ran dry mid-lesson (issue #15, {@code StudyLedgerConnectionsTests}). Every event counts once,
 * however often it is delivered.
 */
@Component
class StudyLedger {

	private final JdbcClient jdbc;
	private final People people;
	private final ZoneId zone;

	StudyLedger(JdbcClient jdbc, People people, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.zone = clock.getZone();
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	@Transactional
	void on(ActiveMinuteRecorded event) {
		if (!isStudent(event.person(), event.school()) || !markMinute(event)) {
			return;
		}
		var day = event.minute().atZoneSameInstant(zone).toLocalDate();
		var before = jdbc.sql("select active_minutes from study_day where person_id = ? and on_day = ?")
			.params(event.person().value(), day).query(Integer.class).optional();
		if (before.isEmpty()) {
			jdbc.sql("""
					insert into study_day (person_id, school_id, on_day, active_minutes, desktop_starts, desktop_minutes)
					values (?, ?, ?, 1, 0, 0)""").params(event.person().value(), event.school().value(), day).update();
		}
		else {
			jdbc.sql("update study_day set active_minutes = active_minutes + 1 where person_id = ? and on_day = ?")
				.params(event.person().value(), day).update();
		}
		boolean firstOfDay = before.orElse(0) == 0;
		addToSchoolDay(event.school(), day, 1, firstOfDay ? 1 : 0, 0);
		jdbc.sql("""
				update study_person set active_minutes = active_minutes + 1,
				       first_day = case when first_day is null or first_day > ? then ? else first_day end,
				       last_day = case when last_day is null or last_day < ? then ? else last_day end
				where person_id = ?""").params(day, day, day, day, event.person().value()).update();
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	@Transactional
	void on(DesktopStarted event) {
		if (!isStudent(event.owner(), event.school())) {
			return;
		}
		int added = jdbc.sql("""
				insert into study_desktop (desktop_id, person_id, school_id, started_at)
				select ?, ?, ?, ?
				where not exists (select 1 from study_desktop where desktop_id = ?)""")
			.params(event.desktop(), event.owner().value(), event.school().value(), event.at(), event.desktop())
			.update();
		if (added == 0) {
			return;
		}
		var day = event.at().atZoneSameInstant(zone).toLocalDate();
		int updated = jdbc.sql("update study_day set desktop_starts = desktop_starts + 1 where person_id = ? and on_day = ?")
			.params(event.owner().value(), day).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into study_day (person_id, school_id, on_day, active_minutes, desktop_starts, desktop_minutes)
					values (?, ?, ?, 0, 1, 0)""").params(event.owner().value(), event.school().value(), day).update();
		}
		addToSchoolDay(event.school(), day, 0, 0, 1);
	}

	/** The minutes a desktop ran count on the day it started. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	@Transactional
	void on(DesktopStopped event) {
		var started = jdbc.sql("select started_at from study_desktop where desktop_id = ? and stopped_at is null")
			.param(event.desktop()).query(OffsetDateTime.class).optional();
		if (started.isEmpty()) {
			return;
		}
		jdbc.sql("update study_desktop set stopped_at = ? where desktop_id = ?").params(event.at(), event.desktop())
			.update();
		var minutes = Math.max(0, Duration.between(started.get(), event.at()).toMinutes());
		var day = started.get().atZoneSameInstant(zone).toLocalDate();
		jdbc.sql("update study_day set desktop_minutes = desktop_minutes + ? where person_id = ? and on_day = ?")
			.params(minutes, event.owner().value(), day).update();
	}

	/** Whether the person is a student; their role is asked of accounts once, the first time they are heard of. */
	private boolean isStudent(PersonId person, SchoolId school) {
		var known = jdbc.sql("select student from study_person where person_id = ?").param(person.value())
			.query(Boolean.class).optional();
		if (known.isPresent()) {
			return known.get();
		}
		boolean student = people.find(person).map(p -> p.role() == Role.STUDENT).orElse(false);
		jdbc.sql("insert into study_person (person_id, school_id, student, active_minutes) values (?, ?, ?, 0)")
			.params(person.value(), school.value(), student).update();
		return student;
	}

	/** Sets the minute's bit in its hour; false when it was already set (the event came twice). */
	private boolean markMinute(ActiveMinuteRecorded event) {
		var utc = event.minute().withOffsetSameInstant(ZoneOffset.UTC);
		var hour = utc.truncatedTo(ChronoUnit.HOURS);
		long bit = 1L << utc.getMinute();
		// Adding the bit when it is clear is setting it; the same SQL runs on H2 and PostgreSQL, unlike | and &.
		int set = jdbc.sql("""
				update study_hour set minute_bits = minute_bits + ?
				where person_id = ? and at_hour = ? and mod(minute_bits / ?, 2) = 0""")
			.params(bit, event.person().value(), hour, bit).update();
		if (set > 0) {
			return true;
		}
		return jdbc.sql("""
				insert into study_hour (person_id, school_id, at_hour, minute_bits)
				select ?, ?, ?, ?
				where not exists (select 1 from study_hour where person_id = ? and at_hour = ?)""")
			.params(event.person().value(), event.school().value(), hour, bit, event.person().value(), hour)
			.update() > 0;
	}

	private void addToSchoolDay(SchoolId school, LocalDate day, int minutes, int students, int starts) {
		int updated = jdbc.sql("""
				update study_school_day set active_minutes = active_minutes + ?,
				       active_students = active_students + ?, desktop_starts = desktop_starts + ?
				where school_id = ? and on_day = ?""").params(minutes, students, starts, school.value(), day).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into study_school_day (school_id, on_day, active_minutes, active_students, desktop_starts)
					values (?, ?, ?, ?, ?)""").params(school.value(), day, minutes, students, starts).update();
		}
	}
}
