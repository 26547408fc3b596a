package org.cloudroom.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The classes of each school and who is in them. Every query names the school: no class is seen across schools. */
@Repository
public class Classes {

	private static final String SELECT = """
			select c.id, c.school_id, c.name,
			       (select count(*) from class_member m join person p on p.id = m.person_id
			        where m.class_id = c.id and p.role = 'STUDENT') as students
			from school_class c
			""";

	private final JdbcClient jdbc;
	private final Clock clock;

	Classes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<SchoolClass> ofSchool(SchoolId school) {
		return jdbc.sql(SELECT + " where c.school_id = ? order by c.name").param(school.value())
			.query(Classes::schoolClass).list();
	}

	public Optional<SchoolClass> find(SchoolId school, ClassId id) {
		return jdbc.sql(SELECT + " where c.school_id = ? and c.id = ?").params(school.value(), id.value())
			.query(Classes::schoolClass).optional();
	}

	public Optional<SchoolClass> findByName(SchoolId school, String name) {
		return jdbc.sql(SELECT + " where c.school_id = ? and lower(c.name) = lower(?)").params(school.value(), name)
			.query(Classes::schoolClass).optional();
	}

	/** The classes a person is in, as a student or as a teacher. */
	public List<SchoolClass> ofPerson(PersonId person) {
		return jdbc.sql(SELECT + " join class_member mine on mine.class_id = c.id where mine.person_id = ? order by c.name")
			.param(person.value()).query(Classes::schoolClass).list();
	}

	/** Whether the person is in the class, as a student or as a teacher. */
	public boolean hasMember(ClassId schoolClass, PersonId person) {
		return jdbc.sql("select count(*) from class_member where class_id = ? and person_id = ?")
			.params(schoolClass.value(), person.value()).query(Integer.class).single() > 0;
	}

	/**
	 * The class, when this person may run it: a teacher of the class, the school's admin or the operator. Another
	 * school's class is "not found"; a student, or a teacher of another class, is "forbidden".
	 */
	public SchoolClass requireTeacherOf(CloudroomUser user, ClassId id) {
		var schoolClass = jdbc.sql(SELECT + " where c.id = ?").param(id.value()).query(Classes::schoolClass)
			.optional().orElseThrow(Refused::notFound);
		user.requireMemberOf(schoolClass.schoolId());
		var runsIt = user.isOperator() || user.role() == Role.ADMIN
				|| user.role() == Role.TEACHER && hasMember(id, user.id());
		if (!runsIt) {
			throw new Refused(Status.FORBIDDEN, "error.forbidden");
		}
		return schoolClass;
	}

	SchoolClass insert(SchoolId school, String name) {
		var id = ClassId.random();
		jdbc.sql("insert into school_class (id, school_id, name, created_at) values (?, ?, ?, ?)")
			.params(id.value(), school.value(), name, clock.instant().atOffset(ZoneOffset.UTC)).update();
		return new SchoolClass(id, school, name, 0);
	}

	void addMember(SchoolClass schoolClass, PersonId person) {
		jdbc.sql("insert into class_member (class_id, person_id, school_id) values (?, ?, ?)")
			.params(schoolClass.id().value(), person.value(), schoolClass.schoolId().value()).update();
	}

	private static SchoolClass schoolClass(ResultSet rs, int row) throws SQLException {
		return new SchoolClass(new ClassId(rs.getObject("id", UUID.class)),
				new SchoolId(rs.getObject("school_id", UUID.class)), rs.getString("name"), rs.getInt("students"));
	}
}
