package org.cloudroom.desktops;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;

/**
 * A person's desktop stopped.
 *
 * @param reason {@code owner} (they ended it), {@code admin}, {@code idle} (grace period over) or {@code crashed}
 */
public record DesktopStopped(UUID desktop, PersonId owner, SchoolId school, String reason, OffsetDateTime at) {
}
