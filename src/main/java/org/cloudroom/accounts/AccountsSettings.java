package org.cloudroom.accounts;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of accounts, under {@code cloudroom.accounts}.
 *
 * @param adminPassword the operator's password on first start; generated and printed once when empty
 * @param demo create a demo school with a teacher and a class of 25 students on start
 * @param maxFailedLogins failed logins in a row that lock an account
 * @param lockFor how long such an account stays locked
 * @param importLimit the largest import file accepted
 * @param tokenLifetime how long an API token stays valid
 */
@ConfigurationProperties("cloudroom.accounts")
public record AccountsSettings(@Nullable String adminPassword, @DefaultValue("false") boolean demo,
		@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockFor,
		@DefaultValue("5MB") DataSize importLimit, @DefaultValue("12h") Duration tokenLifetime) {
}
