package org.cloudroom.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down guessing without locking anybody out. Failed logins are counted under keys, and once a key has had its
 * allowance every further attempt under it waits, first {@code firstWait}, twice as long after each further failure,
 * up to {@code longestWait}; a key is forgotten after a day without attempts.
 * <ul>
 * <li>an account at one address: whoever guesses slows down only themselves, not the owner elsewhere;</li>
 * <li>one address, for accounts never logged into from there: one address trying many accounts;</li>
 * <li>one account, from addresses it was never logged into from: many addresses guessing one account. The
 * operator has no such key: nobody elsewhere can slow down the operator.</li>
 * </ul>
 * A person's own addresses, those they logged in from in the last 90 days, are slowed down only by failures from
 * that address for that account. Keys depend on the username as typed, never on whether it exists, so the answers
 * are the same for every username. An attempt counts as failed from the moment it is let through, so parallel
 * attempts cannot slip past the allowance, and a success takes its count back.
 */
@Component
class LoginThrottle {

	static final Duration FORGET_AFTER = Duration.ofDays(1);
	static final Duration KNOWN_FOR = Duration.ofDays(90);

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** One key an attempt counts under; a success deletes a key that {@code endsWithSuccess}, else undoes its count. */
	record Limit(String keyHash, @Nullable String accountHash, int allowance, boolean endsWithSuccess,
			String description) {
	}

	/** An attempt let through, counted as failed until {@link #succeeded} says otherwise. */
	record Attempt(List<Limit> limits) {
	}

	private record State(int failures, Instant lastAttempt) {
	}

	/**
	 * A person whose logins are slowed down at some address or from new addresses: failures in a row, and when the
	 * next attempt is let through, or none if it is already (though a further failure waits twice as long).
	 */
	record Waiting(int failures, @Nullable Instant until) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final AccountsSettings.Throttle settings;
	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, AccountsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.settings = settings.throttle();
		this.clock = clock;
	}

	/** The keys of a password attempt for {@code username} (normalised) from {@code source}. */
	List<Limit> password(String username, LoginSource source, boolean knownThere, boolean operator) {
		var account = accountHash(username);
		var pair = new Limit(Secrets.hash("account-address|" + username + "|" + source.address()), account,
				settings.perAccountAndAddress(), true, username + " from " + source.address());
		if (knownThere) {
			return List.of(pair);
		}
		var address = new Limit(Secrets.hash("address|" + source.address()), null, settings.perAddress(), false,
				"accounts from " + source.address());
		if (operator) {
			return List.of(pair, address);
		}
		return List.of(pair, address, new Limit(Secrets.hash("account|" + username), account,
				settings.perAccount(), false, username + " from new addresses"));
	}

	/** The key of cards shown from {@code source}: a card that is not valid counts against it. */
	Limit cards(LoginSource source) {
		return new Limit(Secrets.hash("cards|" + source.address()), null, settings.perAddress(), false,
				"cards from " + source.address());
	}

	/** Lets an attempt through and counts it as failed, or refuses it with how long to wait. */
	Attempt begin(List<Limit> limits) {
		for (int tries = 1;; tries++) {
			try {
				var wait = transactions.execute(status -> reserve(limits, clock.instant()));
				if (wait != null) {
					throw new LoginThrottled(wait);
				}
				return new Attempt(limits);
			}
			catch (DuplicateKeyException raced) {
				// Another attempt created the same key at the same moment; it exists now.
				if (tries == 3) {
					throw raced;
				}
			}
		}
	}

	/** Refuses with how long to wait if any key has to wait, without counting anything. */
	void check(List<Limit> limits) {
		var now = clock.instant();
		var wait = longestWait(limits, states(limits, false), now);
		if (wait != null) {
			throw new LoginThrottled(wait);
		}
	}

	/** Counts a failure that was not let through by {@link #begin}, such as a card that is not valid. */
	void failed(List<Limit> limits) {
		transactions.executeWithoutResult(status -> count(limits, states(limits, true), clock.instant()));
	}

	/** The attempt was right: its account starts afresh at its address, and the other keys take back its count. */
	void succeeded(Attempt attempt) {
		for (var limit : attempt.limits()) {
			if (limit.endsWithSuccess()) {
				jdbc.sql("delete from login_failure where key_hash = ?").param(limit.keyHash()).update();
			}
			else {
				jdbc.sql("update login_failure set failures = failures - 1 where key_hash = ? and failures > 0")
					.param(limit.keyHash()).update();
			}
		}
	}

	/** Forgets every failure counted for this account, at any address. */
	void clearAccount(String username) {
		jdbc.sql("delete from login_failure where account_hash = ?").param(accountHash(username)).update();
	}

	/** Of these people, those who have had their allowance of failures under one of their account's keys. */
	Map<PersonId, Waiting> waiting(List<Person> people) {
		var byAccount = new HashMap<String, PersonId>();
		people.forEach(person -> byAccount.put(accountHash(person.username()), person.id()));
		var waiting = new HashMap<PersonId, Waiting>();
		if (byAccount.isEmpty()) {
			return waiting;
		}
		var now = clock.instant();
		jdbc.sql("select key_hash, account_hash, failures, last_attempt from login_failure"
				+ " where account_hash in (:accounts)")
			.param("accounts", List.copyOf(byAccount.keySet()))
			.query(rs -> {
				var state = new State(rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant());
				// The account key's hash is the account's own; every other key of an account is one address's.
				var allowance = rs.getString(1).equals(rs.getString(2)) ? settings.perAccount()
						: settings.perAccountAndAddress();
				if (forgotten(state, now) || state.failures() < allowance) {
					return;
				}
				var until = state.lastAttempt().plus(waitAfter(state.failures(), allowance));
				waiting.merge(byAccount.get(rs.getString(2)),
						new Waiting(state.failures(), until.isAfter(now) ? until : null), LoginThrottle::longer);
			});
		return waiting;
	}

	private static Waiting longer(Waiting one, Waiting other) {
		var oneUntil = one.until() == null ? Instant.MIN : one.until();
		var otherUntil = other.until() == null ? Instant.MIN : other.until();
		return otherUntil.isAfter(oneUntil) || otherUntil.equals(oneUntil) && other.failures() > one.failures()
				? other : one;
	}

	/**
	 * Forgets failures older than {@link #FORGET_AFTER}, hourly. Not a setting: the hour only bounds how long rows
	 * linger after they stopped counting, which nobody sees.
	 */
	@Scheduled(fixedDelay = 60, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
	void forgetOldFailures() {
		jdbc.sql("delete from login_failure where last_attempt < ?").param(utc(clock.instant().minus(FORGET_AFTER)))
			.update();
	}

	private @Nullable Duration reserve(List<Limit> limits, Instant now) {
		var states = states(limits, true);
		var wait = longestWait(limits, states, now);
		if (wait == null) {
			count(limits, states, now);
		}
		return wait;
	}

	private HashMap<String, State> states(List<Limit> limits, boolean lock) {
		var states = new HashMap<String, State>();
		jdbc.sql("select key_hash, failures, last_attempt from login_failure where key_hash in (:keys) order by key_hash"
				+ (lock ? " for update" : ""))
			.param("keys", limits.stream().map(Limit::keyHash).sorted(Comparator.naturalOrder()).toList())
			.query(rs -> {
				states.put(rs.getString(1),
						new State(rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
			});
		return states;
	}

	private @Nullable Duration longestWait(List<Limit> limits, HashMap<String, State> states, Instant now) {
		Duration longest = null;
		for (var limit : limits) {
			var state = states.get(limit.keyHash());
			if (state == null || forgotten(state, now) || state.failures() < limit.allowance()) {
				continue;
			}
			var left = Duration.between(now, state.lastAttempt().plus(waitAfter(state.failures(), limit.allowance())));
			if (left.isPositive() && (longest == null || left.compareTo(longest) > 0)) {
				longest = left;
			}
		}
		return longest;
	}

	/** The wait after {@code failures} failures of a key that allows {@code allowance}. */
	Duration waitAfter(int failures, int allowance) {
		var doublings = Math.min(failures - allowance, 20);
		var wait = settings.firstWait().multipliedBy(1L << doublings);
		return wait.compareTo(settings.longestWait()) > 0 ? settings.longestWait() : wait;
	}

	private void count(List<Limit> limits, HashMap<String, State> states, Instant now) {
		for (var limit : limits) {
			var state = states.get(limit.keyHash());
			if (state == null) {
				jdbc.sql("insert into login_failure (key_hash, account_hash, failures, last_attempt) values (?, ?, 1, ?)")
					.params(limit.keyHash(), limit.accountHash(), utc(now)).update();
				continue;
			}
			var failures = forgotten(state, now) ? 1 : state.failures() + 1;
			jdbc.sql("update login_failure set failures = ?, last_attempt = ? where key_hash = ?")
				.params(failures, utc(now), limit.keyHash()).update();
			if (failures == limit.allowance()) {
				log.warn("Logins for {}: {} attempts without success, each further one waits", limit.description(),
						failures);
			}
		}
	}

	private static boolean forgotten(State state, Instant now) {
		return state.lastAttempt().plus(FORGET_AFTER).isBefore(now);
	}

	private static String accountHash(String username) {
		return Secrets.hash("account|" + username);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
