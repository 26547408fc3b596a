package org.cloudroom.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.gateway.Mode;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.cloudroom.gateway.ActiveMinuteRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Rooms, the timetable and class sessions, and who may watch whom because of them. */
@DatabaseTest
@RecordApplicationEvents
class ClassroomRulesTests {

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	@Autowired
	Rooms rooms;

	@Autowired
	Timetable timetable;

	@Autowired
	ClassSessions sessions;

	@Autowired
	Supervisor supervisor;

	@Autowired
	StudentChannel channel;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.context.ApplicationEventPublisher publisher;

	ClassOfTwo school;

	@BeforeEach
	void aSchoolWithTwoClasses() {
		school = ClassOfTwo.open(program, peopleImport, people, classes);
	}

	@Test
	void seatsPlacedStudentsAndFillsFreeSeatsWithTheOthersRowByRow() {
		var room = rooms.create(school.admin(), school.school(), "机房一", 2, 2);
		rooms.place(school.teacher(), room.id(), school.hong().id(), 1, 1, Rooms.WhenTaken.REFUSE);

		var seating = rooms.seating(room, java.util.List.of(school.ming().id(), school.hong().id(),
				school.fang().id()));

		assertThat(seating.get(school.hong().id())).isEqualTo(new Seat(school.hong().id(), 1, 1));
		assertThat(seating.get(school.ming().id())).isEqualTo(new Seat(school.ming().id(), 1, 2));
		assertThat(seating.get(school.fang().id())).isEqualTo(new Seat(school.fang().id(), 2, 1));
	}

	@Test
	void onlyTheAdminDefinesRoomsAndATeacherSeatsOnlyTheirOwnStudents() {
		assertThatThrownBy(() -> rooms.create(school.teacher(), school.school(), "机房二", 5, 5))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.FORBIDDEN));
		var room = rooms.create(school.admin(), school.school(), "机房二", 5, 5);
		assertThatThrownBy(() -> rooms.place(school.teacher(), room.id(), school.fang().id(), 1, 1, Rooms.WhenTaken.REFUSE))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.FORBIDDEN));
		assertThatThrownBy(() -> rooms.place(school.teacher(), room.id(), school.ming().id(), 6, 1, Rooms.WhenTaken.REFUSE))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.UNPROCESSABLE));
	}

	@Test
	void aTeacherStartsTheTimetabledLessonInItsRoomAndEndsIt() {
		var room = rooms.create(school.admin(), school.school(), "机房三", 5, 5);
		var lesson = timetable.add(school.admin(), school.school(), school.class52(), room.id(), DayOfWeek.MONDAY,
				LocalTime.of(8, 0), LocalTime.of(8, 45));
		assertThatThrownBy(() -> timetable.add(school.admin(), school.school(), school.class53(), room.id(),
				DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(9, 15)))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.CONFLICT));

		var session = sessions.startLesson(school.teacher(), school.school(), lesson.id());

		assertThat(session.room()).isEqualTo(room.id());
		assertThat(session.lesson()).isEqualTo(lesson.id());
		assertThat(sessions.runningOf(school.class52())).contains(session);
		assertThat(events.stream(ClassSessionStarted.class)).extracting(ClassSessionStarted::session)
			.containsExactly(session.id());
		var ended = sessions.end(school.teacher(), session.id());
		assertThat(ended.running()).isFalse();
		assertThat(sessions.runningOf(school.class52())).isEmpty();
		assertThat(events.stream(ClassSessionEnded.class)).hasSize(1);
	}

	@Test
	void theClassTeacherMayWatchAndControlTheClassesStudentsOnlyDuringASession() {
		assertThat(supervisor.modeFor(school.teacher(), desktopOf(school.ming()))).isEmpty();

		var session = sessions.start(school.teacher(), school.class52(), null);

		assertThat(supervisor.modeFor(school.teacher(), desktopOf(school.ming()))).contains(Mode.CONTROL);
		assertThat(supervisor.modeFor(school.teacher(), desktopOf(school.fang()))).isEmpty();
		assertThat(supervisor.modeFor(school.otherTeacher(), desktopOf(school.ming()))).isEmpty();
		assertThat(supervisor.modeFor(school.coTeacher(), desktopOf(school.ming()))).isEmpty();
		assertThat(supervisor.modeFor(school.admin(), desktopOf(school.ming()))).isEmpty();
		assertThat(supervisor.modeFor(school.hong(), desktopOf(school.ming()))).isEmpty();
		assertThat(channel.state(school.ming().id()).watched()).isTrue();
		assertThat(channel.state(school.fang().id()).watched()).isFalse();
		sessions.end(school.teacher(), session.id());
		assertThat(supervisor.modeFor(school.teacher(), desktopOf(school.ming()))).isEmpty();
		assertThat(channel.state(school.ming().id()).watched()).isFalse();
	}

	@Test
	void theSchoolAdminStartsNoSessionAndOneTheyStartedBeforeGivesThemNoScreenNorLock() {
		assertThatThrownBy(() -> sessions.start(school.admin(), school.class52(), null))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.FORBIDDEN));
		var legacy = UUID.randomUUID();
		jdbc.sql("""
				insert into class_session (id, school_id, class_id, teacher_id, started_at, locked, broadcasting)
				values (?, ?, ?, ?, ?, false, false)""")
			.params(legacy, school.school().value(), school.class52().value(), school.admin().id().value(),
					OffsetDateTime.now())
			.update();

		assertThat(supervisor.modeFor(school.admin(), desktopOf(school.ming()))).isEmpty();
		assertThatThrownBy(() -> sessions.lock(school.admin(), legacy, true))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.FORBIDDEN));
		assertThat(supervisor.locked(school.ming().id())).isFalse();

		sessions.end(school.teacher(), legacy);
		var own = sessions.start(school.teacher(), school.class52(), null);
		assertThat(supervisor.modeFor(school.teacher(), desktopOf(school.ming()))).contains(Mode.CONTROL);
		sessions.end(school.teacher(), own.id());
	}

	@Test
	void aLockHoldsTheClassesStudentsUntilUnlockedAndAStudentCannotUnlock() {
		var session = sessions.start(school.teacher(), school.class52(), null);

		sessions.lock(school.teacher(), session.id(), true);

		assertThat(supervisor.locked(school.ming().id())).isTrue();
		assertThat(supervisor.locked(school.fang().id())).isFalse();
		assertThat(channel.state(school.ming().id()).locked()).isTrue();
		assertThatThrownBy(() -> sessions.lock(school.ming(), session.id(), false))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.FORBIDDEN));
		assertThatThrownBy(() -> sessions.lock(school.otherTeacher(), session.id(), false))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.FORBIDDEN));
		assertThatThrownBy(() -> sessions.lock(school.coTeacher(), session.id(), false))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.FORBIDDEN));
		assertThat(supervisor.locked(school.ming().id())).isTrue();
		sessions.lock(school.teacher(), session.id(), false);
		assertThat(supervisor.locked(school.ming().id())).isFalse();
	}

	@Test
	void theClassWatchesTheTeachersDesktopOnlyWhileItIsShown() {
		var session = sessions.start(school.teacher(), school.class52(), null);
		var teachers = desktopOf(school.teacher());
		assertThat(supervisor.modeFor(school.ming(), teachers)).isEmpty();

		jdbcBroadcast(session.id(), true);

		assertThat(supervisor.modeFor(school.ming(), teachers)).contains(Mode.VIEW);
		assertThat(supervisor.modeFor(school.fang(), teachers)).isEmpty();
		jdbcBroadcast(session.id(), false);
		assertThat(supervisor.modeFor(school.ming(), teachers)).isEmpty();
	}

	@Test
	void anotherSchoolsSessionsAndClassesAreNotFound() {
		var other = ClassOfTwo.open(program, peopleImport, people, classes);
		var session = sessions.start(school.teacher(), school.class52(), null);

		assertThatThrownBy(() -> sessions.start(other.teacher(), school.class52(), null))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.NOT_FOUND));
		assertThatThrownBy(() -> sessions.require(other.admin(), session.id()))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.status()).isEqualTo(Status.NOT_FOUND));
		assertThat(supervisor.modeFor(other.teacher(), desktopOf(school.ming()))).isEmpty();
	}

	@Test
	void aStudentWhoConnectsDuringASessionJoinsItOnce() {
		var session = sessions.start(school.teacher(), school.class52(), null);

		sessions.joined(school.ming().id());
		sessions.joined(school.ming().id());
		sessions.joined(school.fang().id());

		assertThat(sessions.attendance(session)).extracting(Attendance::student).containsExactly(school.ming().id());
		assertThat(events.stream(AttendanceRecorded.class)).extracting(AttendanceRecorded::student)
			.containsExactly(school.ming().id());
	}

	@Test
	void aStudentsActiveMinutesCountInTheSessionTheyAreInOnce() {
		var session = sessions.start(school.teacher(), school.class52(), null);
		var minute = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

		publisher.publishEvent(new ActiveMinuteRecorded(school.ming().id(), school.ming().school(), minute));
		publisher.publishEvent(new ActiveMinuteRecorded(school.ming().id(), school.ming().school(), minute));
		publisher.publishEvent(new ActiveMinuteRecorded(school.ming().id(), school.ming().school(), minute.plusMinutes(1)));
		publisher.publishEvent(new ActiveMinuteRecorded(school.fang().id(), school.fang().school(), minute));

		assertThat(sessions.attendance(session)).singleElement().satisfies(attendance -> {
			assertThat(attendance.student()).isEqualTo(school.ming().id());
			assertThat(attendance.activeMinutes()).isEqualTo(2);
		});
	}

	@Test
	void everyTakeOverIsLoggedWithWhoWhomAndWhenButWatchingIsNot() {
		var session = sessions.start(school.teacher(), school.class52(), null);

		supervisor.connected(school.teacher(), desktopOf(school.ming()), Mode.VIEW);
		supervisor.connected(school.teacher(), desktopOf(school.hong()), Mode.CONTROL);

		assertThat(sessions.takeOvers(session)).singleElement().satisfies(t -> {
			assertThat(t.teacher()).isEqualTo(school.teacher().id());
			assertThat(t.student()).isEqualTo(school.hong().id());
			assertThat(t.at()).isAfterOrEqualTo(session.startedAt());
		});
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** Shows or hides the teacher's screen without their desktop running, as only the rule is under test. */
	private void jdbcBroadcast(UUID session, boolean on) {
		jdbc.sql("update class_session set broadcasting = ? where id = ?").params(on, session).update();
	}

	private static Desktop desktopOf(CloudroomUser owner) {
		return new Desktop(UUID.randomUUID(), owner.id(), owner.school(), OffsetDateTime.now(), 1, "/gateway/x");
	}
}
