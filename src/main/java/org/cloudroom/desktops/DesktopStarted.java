package org.cloudroom.desktops;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;

/** A person's desktop started. */
public record DesktopStarted(UUID desktop, PersonId owner, SchoolId school, OffsetDateTime at) {
}
