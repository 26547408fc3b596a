package org.cloudroom.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.status.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The schools of the program and how many of their accounts are used. */
@Repository
public class Schools {

	private static final String SELECT = """
			select s.id, s.name, s.account_quota, s.uplink_kbps,
			       (select count(*) from person p where p.school_id = s.id) as used
			from school s
			""";

	private final JdbcClient jdbc;
	private final Clock clock;

	Schools(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<School> all() {
		return jdbc.sql(SELECT + " order by s.name").query(Schools::school).list();
	}

	public Optional<School> find(SchoolId id) {
		return jdbc.sql(SELECT + " where s.id = ?").param(id.value()).query(Schools::school).optional();
	}

	boolean nameTaken(String name) {
		return jdbc.sql("select count(*) from school where lower(name) = lower(?)").param(name)
			.query(Integer.class).single() > 0;
	}

	School insert(String name, int accountQuota) {
		var id = SchoolId.random();
		jdbc.sql("insert into school (id, name, account_quota, created_at) values (?, ?, ?, ?)")
			.params(id.value(), name, accountQuota, clock.instant().atOffset(ZoneOffset.UTC)).update();
		return new School(id, name, accountQuota, 0, null);
	}

	/** Sets the school's uplink in kbit/s, or no limit (null). */
	void setUplink(SchoolId id, @Nullable Integer kbps) {
		if (jdbc.sql("update school set uplink_kbps = ? where id = ?").params(kbps, id.value()).update() == 0) {
			throw Refused.notFound();
		}
	}

	/** Locks the school's row until the transaction ends, so two imports cannot both take its last accounts. */
	School lock(SchoolId id) {
		jdbc.sql("select id from school where id = ? for update").param(id.value()).query(UUID.class).optional()
			.orElseThrow(Refused::notFound);
		return find(id).orElseThrow();
	}

	private static School school(ResultSet rs, int row) throws SQLException {
		return new School(new SchoolId(rs.getObject("id", UUID.class)), rs.getString("name"),
				rs.getInt("account_quota"), rs.getInt("used"), rs.getObject("uplink_kbps", Integer.class));
	}
}
