package org.cloudroom.gateway;

import java.util.Optional;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.desktops.Desktop;

/**
 * Who besides its owner may connect to a desktop, and whether an owner's own input is held back: the gateway asks
 * before the WebSocket opens and before any byte of RFB. Implemented by the module that knows classes and lessons;
 * without an implementation nobody but the owner gets in and nobody is locked.
 */
public interface Supervision {

	/** Nobody watches anybody, nobody is locked. */
	Supervision NOBODY = new Supervision() {
		@Override
		public Optional<Mode> modeFor(CloudroomUser who, Desktop desktop) {
			return Optional.empty();
		}

		@Override
		public boolean locked(PersonId owner) {
			return false;
		}
	};

	/**
	 * The most a person other than the desktop's owner may do on it now ({@link Mode#CONTROL} includes watching),
	 * or empty when they may not connect at all (403).
	 */
	Optional<Mode> modeFor(CloudroomUser who, Desktop desktop);

	/** Whether the owner's input to their own desktop is dropped now: their screen is locked. */
	boolean locked(PersonId owner);

	/** A connection passed the handshake: the owner's own, or a watcher's in the given mode. */
	default void connected(CloudroomUser who, Desktop desktop, Mode mode) {
	}

	/** A connection that passed the handshake ended. */
	default void disconnected(CloudroomUser who, Desktop desktop, Mode mode) {
	}
}
