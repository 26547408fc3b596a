package org.cloudroom.desktops;

import java.time.OffsetDateTime;
import java.util.Locale;
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

	/** Connected while someone is connected, else disconnected (in its grace period). */
	public State state() {
		return connections > 0 ? State.CONNECTED : State.DISCONNECTED;
	}

	/** Whether anyone is connected to a desktop. */
	public enum State {
		CONNECTED, DISCONNECTED;

		/** The state as the API and the pages name it: {@code connected}, {@code disconnected}. */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
