package org.cloudroom.gateway;

import org.cloudroom.status.Status;
import org.springframework.web.socket.CloseStatus;

/**
 * Each way a gateway connection ends, with the WebSocket close code and reason the browser sees; the gateway's
 * refusals take their code from {@link Status}.
 */
enum Ending {
	/** The desktop closed its side: a normal end. */
	DESKTOP_ENDED(new CloseStatus(CloseStatus.NORMAL.getCode(), "desktop-ended")),
	/** The desktop or the browser could no longer be read or written. */
	CONNECTION_LOST(CloseStatus.GOING_AWAY),
	/** The browser sent bytes that are no RFB. */
	PROTOCOL_ERROR(Status.BAD_REQUEST, "protocol error"),
	/** A watcher's view ended because the owner or the lesson took it back. */
	WATCHING_ENDED(Status.FORBIDDEN, "watching ended");

	private final CloseStatus closeStatus;

	Ending(CloseStatus closeStatus) {
		this.closeStatus = closeStatus;
	}

	Ending(Status refusal, String reason) {
		this(new CloseStatus(refusal.webSocket(), reason));
	}

	CloseStatus closeStatus() {
		return closeStatus;
	}
}
