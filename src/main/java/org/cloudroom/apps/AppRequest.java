package org.cloudroom.apps;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.jspecify.annotations.Nullable;

/** A teacher's request for an app their class does not get, and its decision once there is one. */
record AppRequest(UUID id, SchoolId schoolId, ClassId classId, String appId, PersonId requestedBy, String reason,
		OffsetDateTime requestedAt, State state, @Nullable PersonId decidedBy, @Nullable OffsetDateTime decidedAt,
		@Nullable String decisionNote) {

	public boolean pending() {
		return state == State.PENDING;
	}

	/** A request waits for a decision, then is approved or refused. */
	public enum State {
		PENDING, APPROVED, REFUSED
	}
}
