package org.cloudroom.desktops;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/** How many browsers each desktop has connected, and since when a desktop with none has been idle. */
@Component
class Presence {

	private final Clock clock;
	private final Map<UUID, AtomicInteger> connections = new ConcurrentHashMap<>();
	private final Map<UUID, Instant> idleSince = new ConcurrentHashMap<>();

	Presence(Clock clock) {
		this.clock = clock;
	}

	void connected(UUID desktop) {
		connections.computeIfAbsent(desktop, id -> new AtomicInteger()).incrementAndGet();
		idleSince.remove(desktop);
	}

	void disconnected(UUID desktop) {
		var count = connections.computeIfAbsent(desktop, id -> new AtomicInteger());
		if (count.decrementAndGet() <= 0) {
			count.set(0);
			idle(desktop);
		}
	}

	/** The desktop has nobody connected from now on: its grace period starts. */
	void idle(UUID desktop) {
		idleSince.put(desktop, clock.instant());
	}

	int connections(UUID desktop) {
		var count = connections.get(desktop);
		return count == null ? 0 : count.get();
	}

	Optional<Instant> idleSince(UUID desktop) {
		return Optional.ofNullable(idleSince.get(desktop));
	}

	void forget(UUID desktop) {
		connections.remove(desktop);
		idleSince.remove(desktop);
	}
}
