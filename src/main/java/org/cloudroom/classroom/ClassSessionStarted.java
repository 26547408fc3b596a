package org.cloudroom.classroom;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;

/** A teacher started a class session. */
record ClassSessionStarted(UUID session, SchoolId school, ClassId classId, PersonId teacher,
		OffsetDateTime at) {
}
