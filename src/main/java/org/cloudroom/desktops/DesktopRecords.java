package org.cloudroom.desktops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.cloudroom.drive.HomeOwners;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The desktops that run, as stored to be found again after a restart, and each person's desktop uid. */
@Repository
class DesktopRecords implements HomeOwners {

	record Row(RunningDesktop running, PersonId owner, SchoolId school, OffsetDateTime startedAt) {
	}

	private final JdbcClient jdbc;

	DesktopRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> ofPerson(PersonId person) {
		return jdbc.sql("select * from desktop where person_id = ?").param(person.value()).query(DesktopRecords::row)
			.optional();
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql("select * from desktop where id = ?").param(id).query(DesktopRecords::row).optional();
	}

	List<Row> ofSchool(SchoolId school) {
		return jdbc.sql("select * from desktop where school_id = ? order by started_at").param(school.value())
			.query(DesktopRecords::row).list();
	}

	List<Row> all() {
		return jdbc.sql("select * from desktop").query(DesktopRecords::row).list();
	}

	void insert(Row row) {
		jdbc.sql("insert into desktop (id, person_id, school_id, address, handle, started_at) values (?, ?, ?, ?, ?, ?)")
			.params(row.running().id(), row.owner().value(), row.school().value(), row.running().address(),
					row.running().handle(), row.startedAt())
			.update();
	}

	void delete(UUID id) {
		jdbc.sql("delete from desktop where id = ?").param(id).update();
	}

	@Override
	public OptionalInt uid(PersonId person) {
		return jdbc.sql("select uid from desktop_account where person_id = ?").param(person.value())
			.query(Integer.class).optional().map(OptionalInt::of).orElse(OptionalInt.empty());
	}

	/** The uid this person's desktops run under: the same every time, never another person's. */
	int uidOf(PersonId person) {
		var known = uid(person);
		if (known.isPresent()) {
			return known.getAsInt();
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into desktop_account (person_id) values (?)").param(person.value()).update(keys, "uid");
		return keys.getKey().intValue();
	}

	/** The grace period a school chose, in minutes, if it chose one. */
	Optional<Integer> graceMinutes(SchoolId school) {
		return jdbc.sql("select grace_minutes from desktop_school_settings where school_id = ?").param(school.value())
			.query(Integer.class).optional();
	}

	void setGraceMinutes(SchoolId school, int minutes) {
		int updated = jdbc.sql("update desktop_school_settings set grace_minutes = ? where school_id = ?")
			.params(minutes, school.value()).update();
		if (updated == 0) {
			jdbc.sql("insert into desktop_school_settings (school_id, grace_minutes) values (?, ?)")
				.params(school.value(), minutes).update();
		}
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(new RunningDesktop(rs.getObject("id", UUID.class), rs.getString("address"),
				rs.getString("handle")), new PersonId(rs.getObject("person_id", UUID.class)),
				new SchoolId(rs.getObject("school_id", UUID.class)), rs.getObject("started_at", OffsetDateTime.class));
	}
}
