package org.cloudroom.apps;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.cloudroom.accounts.PersonId;

/**
 * An install of a curated app, as the operator follows it: who started it and when, its state, how far it got in
 * percent, and the installer's log (its tail, once ended).
 */
record Install(UUID id, String appId, PersonId startedBy, OffsetDateTime startedAt, State state, int percent,
		List<String> log) {

	/** An install runs until it has succeeded or failed. */
	public enum State {
		RUNNING, SUCCEEDED, FAILED
	}
}
