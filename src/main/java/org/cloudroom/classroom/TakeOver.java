package org.cloudroom.classroom;

import java.time.OffsetDateTime;

import org.cloudroom.accounts.PersonId;

/** A teacher took control of a student's desktop during a class session, to help. */
record TakeOver(PersonId teacher, PersonId student, OffsetDateTime at) {
}
