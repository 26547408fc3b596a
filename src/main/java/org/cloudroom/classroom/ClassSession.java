package org.cloudroom.classroom;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.jspecify.annotations.Nullable;

/**
 * A class session: a teacher runs a class (in a room, from a timetabled lesson or on the spot) from its start until
 * they end it; meanwhile the class's screens may be locked, or the teacher's screen shown to the class.
 */
record ClassSession(UUID id, SchoolId school, ClassId classId, @Nullable UUID room, @Nullable UUID lesson,
		PersonId teacher, OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt, boolean locked,
		boolean broadcasting) {

	public boolean running() {
		return endedAt == null;
	}
}
