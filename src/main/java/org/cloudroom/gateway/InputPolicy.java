package org.cloudroom.gateway;

import java.nio.ByteBuffer;

import org.cloudroom.rfb.ClientMessageKind;
import org.cloudroom.rfb.SetEncodings;

/**
 * Which of a connection's client messages reach the desktop: input only from a connection in control whose screen is
 * not locked, and a screen size only from a browser that asked for ExtendedDesktopSize first. Keys and pointer that
 * pass are the person's activity.
 */
final class InputPolicy {

	/** What becomes of one client message. */
	enum Verdict {
		/** Passed on to the desktop. */
		PASS,
		/** Passed on, and counted as the person's activity. */
		PASS_AS_ACTIVITY,
		/** Dropped: input from a view-only or locked connection. */
		DROP,
		/** Dropped: a screen size from a browser that never asked for ExtendedDesktopSize. */
		DROP_UNASKED_SCREEN_SIZE
	}

	private final Mode mode;
	private volatile boolean locked;
	private boolean screensAnnounced;

	InputPolicy(Mode mode) {
		this.mode = mode;
	}

	/** Drops every input message from now on (a locked screen), or passes it on again. */
	void lock(boolean locked) {
		this.locked = locked;
	}

	/** The verdict on one whole client message, in the order the browser sent them. */
	Verdict verdict(ClientMessageKind kind, ByteBuffer bytes) {
		boolean control = mode == Mode.CONTROL && !locked;
		if (kind == ClientMessageKind.SET_ENCODINGS) {
			screensAnnounced = SetEncodings.of(bytes).lists(SetEncodings.EXTENDED_DESKTOP_SIZE);
		}
		// TigerVNC 1.12's Xvnc crashes on a SetDesktopSize from a client that never asked for
		// ExtendedDesktopSize; noVNC always asks first, so only a broken or hostile client is refused.
		if (kind == ClientMessageKind.SET_DESKTOP_SIZE && !screensAnnounced) {
			return Verdict.DROP_UNASKED_SCREEN_SIZE;
		}
		if (!control && kind.input()) {
			return Verdict.DROP;
		}
		return control && (kind == ClientMessageKind.KEY_EVENT || kind == ClientMessageKind.POINTER_EVENT)
				? Verdict.PASS_AS_ACTIVITY : Verdict.PASS;
	}
}
