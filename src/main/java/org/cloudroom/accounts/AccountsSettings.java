package org.cloudroom.accounts;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of accounts, under {@code cloudroom.accounts}.
 *
 * @param adminPassword the operator's password: set on the first start, and set again on any start where it is
 * not the operator's password (the way back in for whoever runs the server); generated and printed once when empty
 * @param demo create a demo school with a teacher and a class of 25 students on start
 * @param throttle how failed logins slow down further attempts
 * @param importLimit the largest import file accepted
 * @param tokenLifetime how long an API token stays valid
 * @param publicAddress the address printed on login cards, such as {@code https://cloud.example-school.cn}; when
 * empty, the address the admin's browser used to reach the server
 */
@ConfigurationProperties("cloudroom.accounts")
record AccountsSettings(@Nullable String adminPassword, @DefaultValue("false") boolean demo,
		@DefaultValue Throttle throttle, @DefaultValue("5MB") DataSize importLimit,
		@DefaultValue("12h") Duration tokenLifetime, @Nullable URI publicAddress) {

	/**
	 * Failed logins each key allows before every further attempt under it waits, first {@code firstWait}, then
	 * twice as long after each further failure, up to {@code longestWait}.
	 *
	 * @param perAccountAndAddress wrong passwords for one account from one address
	 * @param perAddress wrong passwords from one address for accounts never logged into from there, and cards that
	 * are not valid shown from one address
	 * @param perAccount wrong passwords for one account from addresses it was never logged into from
	 * @param firstWait the first wait
	 * @param longestWait the longest wait
	 */
	record Throttle(@DefaultValue("5") int perAccountAndAddress, @DefaultValue("100") int perAddress,
			@DefaultValue("20") int perAccount, @DefaultValue("30s") Duration firstWait,
			@DefaultValue("15m") Duration longestWait) {

		Throttle {
			if (perAccountAndAddress < 1 || perAddress < 1 || perAccount < 1) {
				throw new IllegalArgumentException("cloudroom.accounts.throttle: each number of failed logins must be"
						+ " at least 1");
			}
			if (!firstWait.isPositive() || longestWait.compareTo(firstWait) < 0) {
				throw new IllegalArgumentException("cloudroom.accounts.throttle: first-wait must be positive and"
						+ " longest-wait at least as long");
			}
		}
	}
}
