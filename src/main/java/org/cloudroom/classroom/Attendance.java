package org.cloudroom.classroom;

import java.time.OffsetDateTime;

import org.cloudroom.accounts.PersonId;

/** A student who joined a class session, and when first. */
public record Attendance(PersonId student, OffsetDateTime joinedAt) {
}
