package org.cloudroom.classroom;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;

/** A student joined a class session: they were connected to their desktop during it (recorded once a session). */
record AttendanceRecorded(UUID session, SchoolId school, ClassId classId, PersonId student,
		OffsetDateTime at) {
}
