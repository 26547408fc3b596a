package org.cloudroom.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The class sessions as kept: their rows, who attended each, and who took over whose desktop. No rules here. */
@Repository
class ClassSessionRecords {

	private final JdbcClient jdbc;

	ClassSessionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ClassSession session) {
		jdbc.sql("""
				insert into class_session (id, school_id, class_id, room_id, lesson_id, teacher_id, started_at,
				                           locked, broadcasting)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(session.id(), session.school().value(), session.classId().value(), session.room(),
					session.lesson(), session.teacher().value(), session.startedAt(), session.locked(),
					session.broadcasting())
			.update();
	}

	void end(UUID session, OffsetDateTime at) {
		jdbc.sql("update class_session set ended_at = ?, locked = false, broadcasting = false where id = ?")
			.params(at, session).update();
	}

	void lock(UUID session, boolean locked) {
		jdbc.sql("update class_session set locked = ? where id = ?").params(locked, session).update();
	}

	void broadcast(UUID session, boolean broadcasting) {
		jdbc.sql("update class_session set broadcasting = ? where id = ?").params(broadcasting, session).update();
	}

	Optional<ClassSession> find(UUID id) {
		return jdbc.sql("select * from class_session where id = ?").param(id).query(ClassSessionRecords::session)
			.optional();
	}

	Optional<ClassSession> runningOf(ClassId classId) {
		return jdbc.sql("select * from class_session where class_id = ? and ended_at is null").param(classId.value())
			.query(ClassSessionRecords::session).optional();
	}

	List<ClassSession> runningBy(PersonId teacher) {
		return jdbc.sql("select * from class_session where teacher_id = ? and ended_at is null")
			.param(teacher.value()).query(ClassSessionRecords::session).list();
	}

	/** The past and running sessions of a class, the newest first. */
	List<ClassSession> ofClass(ClassId classId) {
		return jdbc.sql("select * from class_session where class_id = ? order by started_at desc")
			.param(classId.value()).query(ClassSessionRecords::session).list();
	}

	List<Attendance> attendance(UUID session) {
		return jdbc.sql("""
				select person_id, joined_at, active_minutes from attendance where session_id = ? order by joined_at""")
			.param(session)
			.query((rs, n) -> new Attendance(new PersonId(rs.getObject("person_id", UUID.class)),
					rs.getObject("joined_at", OffsetDateTime.class), rs.getInt("active_minutes")))
			.list();
	}

	boolean attended(UUID session, PersonId student) {
		return jdbc.sql("select count(*) from attendance where session_id = ? and person_id = ?")
			.params(session, student.value()).query(Integer.class).single() > 0;
	}

	void attend(ClassSession session, PersonId student, OffsetDateTime at) {
		jdbc.sql("insert into attendance (session_id, person_id, school_id, joined_at) values (?, ?, ?, ?)")
			.params(session.id(), student.value(), session.school().value(), at).update();
	}

	void countActiveMinute(UUID session, PersonId student) {
		jdbc.sql("update attendance set active_minutes = active_minutes + 1 where session_id = ? and person_id = ?")
			.params(session, student.value()).update();
	}

	void tookOver(ClassSession session, PersonId teacher, PersonId student, OffsetDateTime at) {
		jdbc.sql("insert into take_over (session_id, teacher_id, student_id, school_id, taken_at) values (?, ?, ?, ?, ?)")
			.params(session.id(), teacher.value(), student.value(), session.school().value(), at).update();
	}

	/** Who took control of whose desktop in the session, and when, the newest first. */
	List<TakeOver> takeOvers(UUID session) {
		return jdbc.sql("select teacher_id, student_id, taken_at from take_over where session_id = ? order by taken_at desc")
			.param(session)
			.query((rs, n) -> new TakeOver(new PersonId(rs.getObject("teacher_id", UUID.class)),
					new PersonId(rs.getObject("student_id", UUID.class)), rs.getObject("taken_at", OffsetDateTime.class)))
			.list();
	}

	private static ClassSession session(ResultSet rs, int row) throws SQLException {
		return new ClassSession(rs.getObject("id", UUID.class), new SchoolId(rs.getObject("school_id", UUID.class)),
				new ClassId(rs.getObject("class_id", UUID.class)), rs.getObject("room_id", UUID.class),
				rs.getObject("lesson_id", UUID.class), new PersonId(rs.getObject("teacher_id", UUID.class)),
				rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
				rs.getBoolean("locked"), rs.getBoolean("broadcasting"));
	}
}
