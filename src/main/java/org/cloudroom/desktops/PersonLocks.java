package org.cloudroom.desktops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.cloudroom.accounts.PersonId;

/**
 * One person's desktop is started or stopped by one thread at a time. A person's lock exists only while someone
 * holds or waits for it, so the map holds as many locks as requests are under way, not one for every person ever seen.
 */
final class PersonLocks {

	private final Map<PersonId, Held> held = new ConcurrentHashMap<>();

	/** Does {@code work} while holding the person's lock. */
	<T> T holding(PersonId person, Supplier<T> work) {
		var entry = held.compute(person, (id, current) -> (current == null ? new Held() : current).join());
		entry.lock.lock();
		try {
			return work.get();
		}
		finally {
			entry.lock.unlock();
			held.computeIfPresent(person, (id, current) -> current.leave());
		}
	}

	/** A lock and how many threads hold or wait for it; changed only inside the map's atomic compute. */
	private static final class Held {

		private final ReentrantLock lock = new ReentrantLock();
		private int users;

		Held join() {
			users++;
			return this;
		}

		Held leave() {
			return --users == 0 ? null : this;
		}
	}
}
