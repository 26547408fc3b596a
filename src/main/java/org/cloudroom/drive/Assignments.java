package org.cloudroom.drive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assignments of each class and the comments handed back on each student's work. */
@Repository
class Assignments {

	/** A teacher's comment on a student's work; new until the student is shown it, and again when it changes. */
	record HandedBack(String text, boolean unseen) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Assignments(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Opens an assignment, or empty when the class has one of that title already. */
	Optional<Assignment> open(SchoolId school, ClassId schoolClass, String title, OffsetDateTime due,
			PersonId teacher) {
		var now = OffsetDateTime.now(clock);
		var assignment = new Assignment(AssignmentId.random(), school, schoolClass, title, due, now, now.isBefore(due));
		try {
			jdbc.sql("""
					insert into drive_assignment (id, school_id, class_id, title, due_at, opened_by, opened_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(assignment.id().value(), school.value(), schoolClass.value(), title, due, teacher.value(),
						assignment.openedAt())
				.update();
			return Optional.of(assignment);
		}
		catch (DuplicateKeyException taken) {
			return Optional.empty();
		}
	}

	List<Assignment> ofClass(ClassId schoolClass) {
		return jdbc.sql("select * from drive_assignment where class_id = ? order by due_at desc, title")
			.param(schoolClass.value()).query(this::assignment).list();
	}

	Optional<Assignment> find(AssignmentId id) {
		return jdbc.sql("select * from drive_assignment where id = ?").param(id.value()).query(this::assignment)
			.optional();
	}

	/** Assignments whose due time has passed and whose folders are not yet made read-only. */
	List<Assignment> dueUnsealed() {
		return jdbc.sql("select * from drive_assignment where sealed_at is null and due_at <= ?")
			.param(OffsetDateTime.now(clock)).query(this::assignment).list();
	}

	void sealed(AssignmentId id) {
		jdbc.sql("update drive_assignment set sealed_at = ? where id = ?").params(OffsetDateTime.now(clock), id.value()).update();
	}

	void comment(Assignment assignment, PersonId student, @Nullable String text, PersonId teacher) {
		jdbc.sql("delete from drive_hand_in_comment where assignment_id = ? and person_id = ?")
			.params(assignment.id().value(), student.value()).update();
		if (text != null && !text.isBlank()) {
			jdbc.sql("""
					insert into drive_hand_in_comment
					    (assignment_id, person_id, school_id, comment_text, written_by, written_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(assignment.id().value(), student.value(), assignment.schoolId().value(), text.strip(),
						teacher.value(), OffsetDateTime.now(clock))
				.update();
		}
	}

	Optional<String> comment(AssignmentId assignment, PersonId student) {
		return handedBack(assignment, student).map(HandedBack::text);
	}

	/** The comment on the student's work, and whether they have not seen it yet. */
	Optional<HandedBack> handedBack(AssignmentId assignment, PersonId student) {
		return jdbc.sql("""
				select comment_text, seen_at from drive_hand_in_comment where assignment_id = ? and person_id = ?""")
			.params(assignment.value(), student.value())
			.query((rs, n) -> new HandedBack(rs.getString("comment_text"), rs.getObject("seen_at") == null))
			.optional();
	}

	/** The student has been shown the comment on their work. */
	void seen(AssignmentId assignment, PersonId student) {
		jdbc.sql("""
				update drive_hand_in_comment set seen_at = ?
				where assignment_id = ? and person_id = ? and seen_at is null""")
			.params(OffsetDateTime.now(clock), assignment.value(), student.value()).update();
	}

	private Assignment assignment(ResultSet rs, int row) throws SQLException {
		var due = rs.getObject("due_at", OffsetDateTime.class);
		return new Assignment(new AssignmentId(rs.getObject("id", UUID.class)), new SchoolId(rs.getObject("school_id", UUID.class)),
				new ClassId(rs.getObject("class_id", UUID.class)), rs.getString("title"), due,
				rs.getObject("opened_at", OffsetDateTime.class), clock.instant().isBefore(due.toInstant()));
	}
}
