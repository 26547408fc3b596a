package org.cloudroom.desktops;

import java.util.UUID;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;

/** A running desktop met one of its limits: a program was ended or could not start. */
public record DesktopLimitReached(UUID desktop, PersonId owner, SchoolId school, Limit limit) {

	/** Which limit. */
	public enum Limit {
		/** The desktop's memory was full: the kernel ended its largest program. */
		MEMORY,
		/** The desktop ran as many programs as it may: one could not start. */
		PROCESSES
	}
}
