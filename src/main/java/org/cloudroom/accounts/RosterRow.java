package org.cloudroom.accounts;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One person as an import file, a bundle or a form gives them, not yet checked.
 *
 * @param file the file of a bundle the row comes from, or {@code null}
 * @param row the 1-based line in that file (the header is line 1), or 0 for a form
 * @param classes names of the classes the person joins
 * @param password an initial password chosen by the school, or {@code null} to generate one
 */
record RosterRow(@Nullable String file, int row, String username, String givenName, String familyName, String role,
		List<String> classes, @Nullable String password) {
}
