package org.cloudroom.drive;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.cloudroom.accounts.PersonId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bytes each person's drive takes (home and trash), as last measured and kept up by every web write. */
@Repository
class Usage {

	private final JdbcClient jdbc;

	Usage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> of(PersonId person) {
		return jdbc.sql("select used_bytes from drive_usage where person_id = ?").param(person.value())
			.query(Long.class).optional();
	}

	void measured(PersonId person, long bytes) {
		var now = OffsetDateTime.now();
		if (jdbc.sql("update drive_usage set used_bytes = ?, scanned_at = ? where person_id = ?")
			.params(bytes, now, person.value()).update() == 0) {
			try {
				jdbc.sql("insert into drive_usage (person_id, used_bytes, scanned_at) values (?, ?, ?)")
					.params(person.value(), bytes, now).update();
			}
			catch (DuplicateKeyException measuredAtOnce) {
				measured(person, bytes);
			}
		}
	}

	/** Counts a change made through the web; a person not yet measured is measured at their next look. */
	void add(PersonId person, long bytes) {
		jdbc.sql("update drive_usage set used_bytes = greatest(0, used_bytes + ?) where person_id = ?")
			.params(bytes, person.value()).update();
	}
}
