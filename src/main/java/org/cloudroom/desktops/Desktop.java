package org.cloudroom.desktops;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;

/**
 * A running desktop: whose it is, since when, and how many browsers are connected to it now.
 *
 * @param connectPath the WebSocket path a browser's noVNC connects to
 */
public record Desktop(UUID id, PersonId owner, SchoolId school, OffsetDateTime startedAt, int connections,
		String connectPath) {

	/** {@code connected} while someone is connected, else {@code disconnected} (in its grace period). */
	public String state() {
		return connections > 0 ? "connected" : "disconnected";
	}
}
