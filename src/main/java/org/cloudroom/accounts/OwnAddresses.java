package org.cloudroom.accounts;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The addresses each person logged in from in the last {@link LoginThrottle#KNOWN_FOR}: a school's, a home's. There,
 * guesses at their password from elsewhere do not slow them down. Only a hash of each address is kept.
 */
@Component
class OwnAddresses {

	private final JdbcClient jdbc;
	private final Clock clock;

	OwnAddresses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean has(PersonId person, LoginSource source) {
		return jdbc.sql("select count(*) from login_source where person_id = ? and source_hash = ? and last_login > ?")
			.params(person.value(), hash(source), now().minus(LoginThrottle.KNOWN_FOR)).query(Integer.class)
			.single() > 0;
	}

	void remember(PersonId person, LoginSource source) {
		var updated = jdbc.sql("update login_source set last_login = ? where person_id = ? and source_hash = ?")
			.params(now(), person.value(), hash(source)).update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into login_source (person_id, source_hash, last_login) values (?, ?, ?)")
					.params(person.value(), hash(source), now()).update();
			}
			catch (DuplicateKeyException loggedInTwiceAtOnce) {
				// the other login remembered it
			}
		}
	}

	/**
	 * Forgets addresses not logged in from for {@link LoginThrottle#KNOWN_FOR}, hourly. Not a setting: the hour only
	 * bounds how long rows linger after they stopped counting, which nobody sees.
	 */
	@Scheduled(fixedDelay = 60, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
	void forgetOldAddresses() {
		jdbc.sql("delete from login_source where last_login < ?").param(now().minus(LoginThrottle.KNOWN_FOR)).update();
	}

	private java.time.OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static String hash(LoginSource source) {
		return Secrets.hash("source|" + source.address());
	}
}
