package org.cloudroom.accounts;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Login with username and password, for the login form, API tokens and the settings page alike, slowed down by
 * {@link LoginThrottle}. A wrong password and an unknown username get the same answer after the same work.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

	private record Account(CloudroomUser user, String passwordHash) {
	}

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final LoginThrottle throttle;
	private final OwnAddresses ownAddresses;
	private final String unknownUserHash;

	PasswordLogin(JdbcClient jdbc, PasswordEncoder passwords, LoginThrottle throttle, OwnAddresses ownAddresses) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.throttle = throttle;
		this.ownAddresses = ownAddresses;
		this.unknownUserHash = passwords.encode(Secrets.token(16));
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var address = authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "";
		var user = check(authentication.getName(), String.valueOf(authentication.getCredentials()),
				LoginSource.of(address));
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

	/**
	 * The person with this username and password trying from {@code source}, or a {@link BadCredentialsException},
	 * or a {@link LoginThrottled} without looking at the password.
	 */
	CloudroomUser check(String username, String password, LoginSource source) {
		var name = People.normalize(username);
		var account = jdbc.sql("select id, school_id, username, role, password_hash from person where username = ?")
			.param(name).query((rs, row) -> {
				var school = rs.getObject("school_id", UUID.class);
				var user = new CloudroomUser(new PersonId(rs.getObject("id", UUID.class)),
						school == null ? null : new SchoolId(school), rs.getString("username"),
						Role.valueOf(rs.getString("role")));
				return new Account(user, rs.getString("password_hash"));
			}).optional();
		var knownThere = account.isPresent() && ownAddresses.has(account.get().user().id(), source);
		var operator = account.isPresent() && account.get().user().isOperator();
		var attempt = throttle.begin(throttle.password(name, source, knownThere, operator));
		// An unknown username costs the same hashing as a wrong password, so timing does not tell which exist.
		var hash = account.map(Account::passwordHash).orElse(unknownUserHash);
		if (!passwords.matches(password, hash) || account.isEmpty()) {
			throw new BadCredentialsException("login.failed");
		}
		throttle.succeeded(attempt);
		ownAddresses.remember(account.get().user().id(), source);
		return account.get().user();
	}
}
