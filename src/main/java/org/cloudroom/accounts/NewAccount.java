package org.cloudroom.accounts;

import org.jspecify.annotations.Nullable;

/** A person about to be stored, their password already hashed. */
record NewAccount(PersonId id, @Nullable SchoolId school, String username, String givenName, String familyName,
		Role role, String passwordHash, boolean ownPassword) {
}
