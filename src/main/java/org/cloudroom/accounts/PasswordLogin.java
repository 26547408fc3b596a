package org.cloudroom.accounts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Login with username and password, for the login form and for API tokens alike. After
 * {@code maxFailedLogins} wrong passwords in a row the account is locked for {@code lockFor}; during the lock
 * even the right password is refused.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

	private record Account(CloudroomUser user, String passwordHash, int failedLogins,
			OffsetDateTime lockedUntil) {
	}

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final AccountsSettings settings;
	private final String unknownUserHash;

	PasswordLogin(JdbcClient jdbc, PasswordEncoder passwords, AccountsSettings settings) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.settings = settings;
		this.unknownUserHash = passwords.encode(Secrets.token(16));
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var user = check(authentication.getName(), String.valueOf(authentication.getCredentials()));
		return authenticated(user);
	}

	static UsernamePasswordAuthenticationToken authenticated(CloudroomUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** The person with this username and password, or a {@link BadCredentialsException} or {@link LockedException}. */
	CloudroomUser check(String username, String password) {
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var account = jdbc.sql("""
				select id, school_id, username, role, password_hash, failed_logins, locked_until
				from person where username = ?""").param(People.normalize(username)).query((rs, row) -> {
			var school = rs.getObject("school_id", UUID.class);
			var user = new CloudroomUser(new PersonId(rs.getObject("id", UUID.class)),
					school == null ? null : new SchoolId(school), rs.getString("username"),
					Role.valueOf(rs.getString("role")));
			return new Account(user, rs.getString("password_hash"), rs.getInt("failed_logins"),
					rs.getObject("locked_until", OffsetDateTime.class));
		}).optional();
		if (account.isEmpty()) {
			// Spend the time a real check takes, so timing does not tell which usernames exist.
			passwords.matches(password, unknownUserHash);
			throw new BadCredentialsException("login.failed");
		}
		var found = account.get();
		if (found.lockedUntil() != null && found.lockedUntil().isAfter(now)) {
			throw new LockedException("login.locked");
		}
		if (!passwords.matches(password, found.passwordHash())) {
			recordFailure(found, now);
			throw new BadCredentialsException("login.failed");
		}
		if (found.failedLogins() > 0) {
			jdbc.sql("update person set failed_logins = 0 where id = ?").param(found.user().id().value()).update();
		}
		return found.user();
	}

	private void recordFailure(Account account, OffsetDateTime now) {
		var failures = account.failedLogins() + 1;
		if (failures >= settings.maxFailedLogins()) {
			jdbc.sql("update person set failed_logins = 0, locked_until = ? where id = ?")
				.params(now.plus(settings.lockFor()), account.user().id().value()).update();
			throw new LockedException("login.locked");
		}
		jdbc.sql("update person set failed_logins = ? where id = ?").params(failures, account.user().id().value())
			.update();
	}
}
