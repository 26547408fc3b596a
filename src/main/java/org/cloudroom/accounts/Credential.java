package org.cloudroom.accounts;

import org.jspecify.annotations.Nullable;

/** A new account's username and the initial password to hand its owner: shown once, stored only as a hash. */
public record Credential(String username, String displayName, @Nullable String className, String initialPassword) {
}
