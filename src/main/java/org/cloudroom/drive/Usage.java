package org.cloudroom.drive;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.PersonId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bytes each person's drive takes (home and trash), as last measured and kept up by every web write. */
@Repository
class Usage {

	private final JdbcClient jdbc;
	private final Clock clock;

	Usage(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Long> of(PersonId person) {
		return jdbc.sql("select used_bytes from drive_usage where person_id = ?").param(person.value())
			.query(Long.class).optional();
	}

	void measured(PersonId person, long bytes) {
		var now = OffsetDateTime.now(clock);
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

	/**
	 * The bytes the person's uploads in parts under way will take once whole, but for one of them (that is being
	 * put in place), so that uploads begun together cannot pass the quota.
	 */
	long promised(PersonId person, @Nullable UUID except) {
		return jdbc.sql("select coalesce(sum(size_bytes), 0) from drive_upload where person_id = ? and id <> ?")
			.params(person.value(), except == null ? new UUID(0, 0) : except).query(Long.class).single();
	}

	/** Counts a change made through the web; a person not yet measured is measured at their next look. */
	void add(PersonId person, long bytes) {
		jdbc.sql("update drive_usage set used_bytes = greatest(0, used_bytes + ?) where person_id = ?")
			.params(bytes, person.value()).update();
	}
}
