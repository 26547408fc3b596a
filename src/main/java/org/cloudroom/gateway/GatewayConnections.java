package org.cloudroom.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/** The gateway's open connections, to act on while they are open: lock an owner's input, end the watchers. */
@Component
public class GatewayConnections {

	record Open(Relay relay, CloudroomUser user, Desktop desktop, Mode mode) {

		boolean ownersOwn() {
			return user.id().equals(desktop.owner());
		}
	}

	private final Map<String, Open> open = new ConcurrentHashMap<>();

	void add(String id, Open connection) {
		open.put(id, connection);
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
			.forEach(c -> c.relay().end(new CloseStatus(Status.FORBIDDEN.webSocket(), "watching ended")));
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
}
