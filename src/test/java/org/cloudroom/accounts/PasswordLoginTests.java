package org.cloudroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;

@DatabaseTest
class PasswordLoginTests {

	private static final String PASSWORD = "right-password";

	@Autowired
	PasswordLogin login;

	@Autowired
	Roster roster;

	@Autowired
	Schools schools;

	@Autowired
	JdbcClient jdbc;

	private final String username = "pupil-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void createStudent() {
		var school = schools.insert("School " + UUID.randomUUID(), 10).id();
		roster.add(school, List.of(new RosterRow(null, 0, username, "Ming", "Wang", "student", List.of(), PASSWORD)),
				false);
	}

	@Test
	void logsInWithTheRightPasswordWhateverTheCaseOfTheUsername() {
		assertThat(login.check(" " + username.toUpperCase() + " ", PASSWORD).username()).isEqualTo(username);
	}

	@Test
	void locksTheAccountAfterFiveWrongPasswords() {
		failFourTimes();
		assertThatThrownBy(() -> login.check(username, "wrong")).isInstanceOf(LockedException.class);

		assertThatThrownBy(() -> login.check(username, PASSWORD)).isInstanceOf(LockedException.class);
	}

	@Test
	void countsAgainFromZeroAfterASuccessfulLogin() {
		failFourTimes();
		login.check(username, PASSWORD);
		failFourTimes();

		assertThat(login.check(username, PASSWORD).username()).isEqualTo(username);
	}

	@Test
	void opensTheAccountAgainWhenTheLockRunsOut() {
		failFourTimes();
		assertThatThrownBy(() -> login.check(username, "wrong")).isInstanceOf(LockedException.class);
		jdbc.sql("update person set locked_until = ? where username = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), username).update();

		assertThat(login.check(username, PASSWORD).username()).isEqualTo(username);
	}

	@Test
	void refusesAnUnknownUsernameAsAWrongPassword() {
		assertThatThrownBy(() -> login.check("nobody-" + username, PASSWORD))
			.isExactlyInstanceOf(BadCredentialsException.class);
	}

	private void failFourTimes() {
		for (int i = 1; i <= 4; i++) {
			assertThatThrownBy(() -> login.check(username, "wrong")).isInstanceOf(BadCredentialsException.class);
		}
	}
}
