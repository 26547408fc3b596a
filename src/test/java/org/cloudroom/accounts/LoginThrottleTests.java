package org.cloudroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.MovingClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@DatabaseTest
class LoginThrottleTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AccountsSettings settings;

	private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
	private final String username = "pupil-" + UUID.randomUUID().toString().substring(0, 8);
	private final LoginSource address = LoginSource.of("203.0.113.50");
	private LoginThrottle throttle;

	@BeforeEach
	void throttleOnAClockOfItsOwn() {
		throttle = new LoginThrottle(jdbc, transactions, settings, clock);
	}

	@Test
	void waitsTwiceAsLongAfterEachFurtherFailureUpToFifteenMinutes() {
		var limits = throttle.password(username, address, true, false);
		for (int i = 0; i < 5; i++) {
			throttle.begin(limits);
		}

		var waits = new java.util.ArrayList<Duration>();
		for (int i = 0; i < 7; i++) {
			var wait = waitOf(limits);
			waits.add(wait);
			clock.pass(wait.minusSeconds(1));
			assertThat(waitOf(limits)).isEqualTo(Duration.ofSeconds(1));
			clock.pass(Duration.ofSeconds(1));
			throttle.begin(limits);
		}

		assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
				Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15));
	}

	@Test
	void forgetsFailuresAfterADayWithoutAttempts() {
		var limits = throttle.password(username, address, true, false);
		for (int i = 0; i < 9; i++) {
			clock.pass(Duration.ofMinutes(15));
			throttle.begin(limits);
		}

		clock.pass(Duration.ofDays(1).plusSeconds(1));

		for (int i = 0; i < 5; i++) {
			assertThatNoException().isThrownBy(() -> throttle.begin(limits));
		}
		assertThat(waitOf(limits)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aRightPasswordTakesBackOnlyItsOwnCountFromAnAddressThatTriesManyAccounts() {
		for (int i = 0; i < 99; i++) {
			throttle.begin(throttle.password("nobody-" + i + "-" + username, address, false, false));
		}

		throttle.succeeded(throttle.begin(throttle.password(username, address, false, false)));
		throttle.begin(throttle.password("nobody-else-" + username, address, false, false));

		assertThat(waitOf(throttle.password("anyone-" + username, address, false, false)))
			.isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void theOperatorHasNoKeyThatAddressesElsewhereCanFill() {
		var operator = throttle.password("admin", address, false, true);
		var person = throttle.password(username, address, false, false);

		assertThat(operator).extracting(LoginThrottle.Limit::description)
			.containsExactly("admin from 203.0.113.50", "accounts from 203.0.113.50");
		assertThat(person).hasSize(3);
		assertThat(throttle.password(username, address, true, false)).hasSize(1);
	}

	@Test
	void countsAnIpv6AddressAsItsNetwork() {
		assertThat(LoginSource.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
			.isEqualTo(LoginSource.of("2001:db8:1:2:1:1:1:1"))
			.isNotEqualTo(LoginSource.of("2001:db8:1:3:aaaa:bbbb:cccc:dddd"));
		assertThat(LoginSource.of("192.0.2.7").address()).isEqualTo("192.0.2.7");
	}

	private Duration waitOf(List<LoginThrottle.Limit> limits) {
		var throttled = catchThrowableOfType(LoginThrottled.class, () -> throttle.check(limits));
		return throttled == null ? Duration.ZERO : Duration.ofSeconds(throttled.seconds());
	}

	/** A clock the test moves on. */
}
