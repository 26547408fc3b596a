package org.cloudroom.apps;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A teacher's request for an app their class does not get, and its decision once there is one. */
record AppRequest(UUID id, UUID schoolId, UUID classId, String appId, UUID requestedBy, String reason,
		OffsetDateTime requestedAt, State state, @Nullable UUID decidedBy, @Nullable OffsetDateTime decidedAt,
		@Nullable String decisionNote) {

	public boolean pending() {
		return state == State.PENDING;
	}

	/** A request waits for a decision, then is approved or refused. */
	public enum State {
		PENDING, APPROVED, REFUSED
	}
}
