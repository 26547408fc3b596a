package org.cloudroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.cloudroom.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;

@DatabaseTest
class PasswordLoginTests {

	private static final String PASSWORD = "right-password";
	private static final LoginSource SCHOOL = LoginSource.of("192.0.2.10");
	private static final LoginSource ELSEWHERE = LoginSource.of("198.51.100.20");

	@Autowired
	PasswordLogin login;

	@Autowired
	Roster roster;

	@Autowired
	Schools schools;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	OwnAddresses ownAddresses;

	private final String username = "pupil-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void createStudent() {
		var school = schools.insert("School " + UUID.randomUUID(), 10).id();
		roster.add(school, List.of(new RosterRow(null, 0, username, "Ming", "Wang", "student", List.of(), PASSWORD)),
				false);
	}

	@Test
	void logsInWithTheRightPasswordWhateverTheCaseOfTheUsername() {
		assertThat(login.check(" " + username.toUpperCase() + " ", PASSWORD, SCHOOL).username()).isEqualTo(username);
	}

	@Test
	void refusesAnUnknownUsernameAsAWrongPassword() {
		assertThatThrownBy(() -> login.check("nobody-" + username, PASSWORD, SCHOOL))
			.isExactlyInstanceOf(BadCredentialsException.class);
	}

	@Test
	void refusesEvenTheRightPasswordFromAnAddressThatFailedFiveTimes() {
		failFiveTimes(ELSEWHERE);

		assertThatThrownBy(() -> login.check(username, PASSWORD, ELSEWHERE)).isInstanceOf(LoginThrottled.class);
		assertThat(login.check(username, PASSWORD, SCHOOL).username()).isEqualTo(username);
	}

	@Test
	void anAddressStartsAfreshAfterARightPassword() {
		for (int i = 0; i < 4; i++) {
			assertThatThrownBy(() -> login.check(username, "wrong", SCHOOL)).isInstanceOf(BadCredentialsException.class);
		}
		login.check(username, PASSWORD, SCHOOL);

		failFiveTimes(SCHOOL);
	}

	@Test
	void remembersTheAddressesAPersonLoggedInFrom() {
		var person = login.check(username, PASSWORD, SCHOOL).id();

		assertThat(ownAddresses.has(person, SCHOOL)).isTrue();
		assertThat(ownAddresses.has(person, ELSEWHERE)).isFalse();
	}

	@Test
	void spendsTheSameHashingOnAnUnknownUsernameAsOnAWrongPasswordAndNoneWhileThrottled() {
		var hashings = new AtomicInteger();
		var counting = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				return passwords.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				hashings.incrementAndGet();
				return passwords.matches(raw, encoded);
			}
		};
		var counted = new PasswordLogin(jdbc, counting, throttle, ownAddresses);

		assertThatThrownBy(() -> counted.check("nobody-" + username, "wrong", ELSEWHERE));
		var forUnknown = hashings.getAndSet(0);
		assertThatThrownBy(() -> counted.check(username, "wrong", ELSEWHERE));
		var forKnown = hashings.getAndSet(0);
		failFiveTimes(SCHOOL);
		hashings.set(0);
		assertThatThrownBy(() -> counted.check(username, PASSWORD, SCHOOL)).isInstanceOf(LoginThrottled.class);

		assertThat(forUnknown).isEqualTo(forKnown).isEqualTo(1);
		assertThat(hashings).hasValue(0);
	}

	private void failFiveTimes(LoginSource source) {
		for (int i = 1; i <= 5; i++) {
			assertThatThrownBy(() -> login.check(username, "wrong", source)).isInstanceOf(BadCredentialsException.class);
		}
	}
}
