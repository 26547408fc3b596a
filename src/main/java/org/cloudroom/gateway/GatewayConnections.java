package org.cloudroom.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.desktops.Desktop;
import org.springframework.stereotype.Component;

/**
 * The gateway's connections, admitted or open, to count them against the limits and to act on them while they are
 * open: lock an owner's input, end the watchers.
 */
@Component
public class GatewayConnections {

	record Open(Relay relay, CloudroomUser user, Desktop desktop, Mode mode) {

		boolean ownersOwn() {
			return user.id().equals(desktop.owner());
		}
	}

	/** A place held for a connection from its admission until it opens, or its upgrade fails; one per request. */
	static final class Slot {

		private final PersonId person;
		private final UUID desktop;
		private final Instant admittedAt;

		private Slot(PersonId person, UUID desktop, Instant admittedAt) {
			this.person = person;
			this.desktop = desktop;
			this.admittedAt = admittedAt;
		}
	}

	/** A slot whose upgrade neither opened nor failed within this time is given up (the browser went away). */
	private static final Duration SLOT_TIMEOUT = Duration.ofMinutes(1);

	private final Map<String, Open> open = new ConcurrentHashMap<>();
	private final Set<Slot> admitted = ConcurrentHashMap.newKeySet();
	private final Clock clock;

	GatewayConnections(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Holds a place for the person's connection to the desktop, unless the person or the desktop has as many
	 * connections, admitted or open, as the limits allow.
	 */
	synchronized Optional<Slot> admit(PersonId person, UUID desktop, int perPerson, int perDesktop) {
		var now = clock.instant();
		admitted.removeIf(slot -> slot.admittedAt.plus(SLOT_TIMEOUT).isBefore(now));
		long ofPerson = open.values().stream().filter(c -> c.user().id().equals(person)).count()
				+ admitted.stream().filter(s -> s.person.equals(person)).count();
		long ofDesktop = open.values().stream().filter(c -> c.desktop().id().equals(desktop)).count()
				+ admitted.stream().filter(s -> s.desktop.equals(desktop)).count();
		if (ofPerson >= perPerson || ofDesktop >= perDesktop) {
			return Optional.empty();
		}
		var slot = new Slot(person, desktop, now);
		admitted.add(slot);
		return Optional.of(slot);
	}

	/** The admitted connection will not open: its place is free again. */
	void release(Slot slot) {
		admitted.remove(slot);
	}

	/** The admitted connection opened: it counts as open from now on instead of its slot. */
	synchronized void add(String id, Open connection, Slot slot) {
		open.put(id, connection);
		admitted.remove(slot);
	}

	Open remove(String id) {
		return open.remove(id);
	}

	Open get(String id) {
		return open.get(id);
	}

	/** Drops (or passes on again) every input message of the owner's own connections to their desktop. */
	public void lock(PersonId owner, boolean locked) {
		open.values().stream().filter(c -> c.ownersOwn() && c.desktop().owner().equals(owner))
			.forEach(c -> c.relay().lock(locked));
	}

	/** Ends every connection to the owner's desktop by somebody else, such as a teacher's view or a class watching. */
	public void closeWatchers(PersonId owner) {
		open.values().stream().filter(c -> !c.ownersOwn() && c.desktop().owner().equals(owner))
			.forEach(c -> c.relay().end(Ending.WATCHING_ENDED));
	}

	/** Whether the owner is connected to their own desktop now, from some browser. */
	public boolean ownerConnected(PersonId owner) {
		return open.values().stream().anyMatch(c -> c.ownersOwn() && c.desktop().owner().equals(owner));
	}

	/** How many connections of people other than the owner are open to the owner's desktop now, in the mode. */
	public long watchers(PersonId owner, Mode mode) {
		return open.values().stream()
			.filter(c -> !c.ownersOwn() && c.desktop().owner().equals(owner) && c.mode() == mode).count();
	}

	/** Whether the person has a connection open to the owner's desktop in the mode, such as a student watching. */
	public boolean connected(PersonId person, PersonId owner, Mode mode) {
		return open.values().stream().anyMatch(
				c -> c.user().id().equals(person) && c.desktop().owner().equals(owner) && c.mode() == mode);
	}
}
