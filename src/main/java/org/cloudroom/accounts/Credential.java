package org.cloudroom.accounts;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * A new account's username and the initial password to hand its owner: shown once (passed on to the next page in the
 * web session, so serialisable), stored only as a hash.
 */
public record Credential(String username, String displayName, @Nullable String className, String initialPassword)
		implements Serializable {
}
