package org.cloudroom.desktops;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;

/** A person's desktop stopped, and why. */
public record DesktopStopped(UUID desktop, PersonId owner, SchoolId school, Reason reason, OffsetDateTime at) {

	/** Why a desktop stopped. */
	public enum Reason {
		/** Its owner ended it. */
		OWNER,
		/** An admin of its school ended it. */
		ADMIN,
		/** Nobody was connected for its grace period. */
		IDLE,
		/** It no longer ran or answered. */
		CRASHED
	}
}
