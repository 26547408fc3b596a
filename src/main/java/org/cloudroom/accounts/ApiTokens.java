package org.cloudroom.accounts;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for scripts: issued for a password, stored only as a hash, valid for {@code tokenLifetime} or until
 * the password changes or they are revoked.
 */
@Component
class ApiTokens {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AccountsSettings settings;

	ApiTokens(JdbcClient jdbc, AccountsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	String issue(CloudroomUser user) {
		var token = Secrets.token(32);
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("delete from api_token where expires_at < ?").param(now).update();
		jdbc.sql("insert into api_token (token_hash, person_id, expires_at) values (?, ?, ?)")
			.params(Secrets.hash(token), user.id().value(), now.plus(settings.tokenLifetime())).update();
		return token;
	}

	/** Ends every token of the person at once. */
	void revokeAll(PersonId person) {
		jdbc.sql("delete from api_token where person_id = ?").param(person.value()).update();
	}

	Optional<CloudroomUser> holder(String token) {
		return jdbc.sql("""
				select p.id, p.school_id, p.username, p.role from api_token t join person p on p.id = t.person_id
				where t.token_hash = ? and t.expires_at > ?""")
			.params(Secrets.hash(token), clock.instant().atOffset(ZoneOffset.UTC))
			.query((rs, row) -> {
				var school = rs.getObject("school_id", UUID.class);
				return new CloudroomUser(new PersonId(rs.getObject("id", UUID.class)),
						school == null ? null : new SchoolId(school), rs.getString("username"),
						Role.valueOf(rs.getString("role")));
			})
			.optional();
	}
}
