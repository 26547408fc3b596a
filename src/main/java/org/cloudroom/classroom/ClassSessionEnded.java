package org.cloudroom.classroom;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;

/** A class session ended: its teacher ended it. */
record ClassSessionEnded(UUID session, SchoolId school, ClassId classId, PersonId teacher,
		OffsetDateTime startedAt, OffsetDateTime at) {
}
