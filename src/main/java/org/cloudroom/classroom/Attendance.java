package org.cloudroom.classroom;

import java.time.OffsetDateTime;

import org.cloudroom.accounts.PersonId;

/** A student who joined a class session, when first, and the minutes they worked on their desktop during it. */
record Attendance(PersonId student, OffsetDateTime joinedAt, int activeMinutes) {
}
