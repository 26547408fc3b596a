package org.cloudroom.accounts;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A login attempt refused unchecked because too many failed before it: the same for every username, existing or
 * not, and said with when to try again.
 */
class LoginThrottled extends AuthenticationException {

	private final Duration wait;

	LoginThrottled(Duration wait) {
		super("login.throttled");
		this.wait = wait;
	}

	/** Whole seconds to wait, rounded up, as {@code Retry-After} says them. */
	long seconds() {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	/** The message key saying the wait: in seconds up to a minute and a half, then in whole minutes. */
	String messageKey() {
		return seconds() <= 90 ? "login.throttled.seconds" : "login.throttled.minutes";
	}

	/** The number in {@link #messageKey()}. */
	long amount() {
		return seconds() <= 90 ? seconds() : (seconds() + 59) / 60;
	}

	/** A wait of whole seconds, as the login page is told it ({@code /login?wait=30}). */
	static LoginThrottled ofSeconds(long seconds) {
		return new LoginThrottled(Duration.ofSeconds(seconds));
	}
}
