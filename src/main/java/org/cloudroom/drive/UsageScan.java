package org.cloudroom.drive;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.drive.spi.HomeStorage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Now and then measures the homes, so usage counts what was saved from inside the desktops too, purges what has
 * lain in a trash longer than the trash keeps it, and removes uploads in parts that were abandoned. What the drive
 * itself writes is counted as it is written; only a running desktop changes a home behind its back. So each scan
 * measures the homes of running desktops and of those ended since the last scan, and every home is measured at
 * the server's start and then once a day ({@code cloudroom.drive.full-scan-every}): a program of 30,000 accounts
 * walks a few hundred homes every ten minutes instead of all of them.
 */
@Component
class UsageScan {

	private static final Logger log = LoggerFactory.getLogger(UsageScan.class);

	private final HomeStorage storage;
	private final Drive drive;
	private final Trash trash;
	private final Usage usage;
	private final DriveSettings settings;
	private final PartUploads parts;
	private final Clock clock;
	private final Set<PersonId> inUse = ConcurrentHashMap.newKeySet();
	private final Set<PersonId> released = ConcurrentHashMap.newKeySet();
	private @Nullable Instant lastFullScan;

	UsageScan(HomeStorage storage, Drive drive, Trash trash, Usage usage, DriveSettings settings, PartUploads parts,
			Clock clock) {
		this.storage = storage;
		this.drive = drive;
		this.trash = trash;
		this.usage = usage;
		this.settings = settings;
		this.parts = parts;
		this.clock = clock;
	}

	/** The people whose homes running desktops write to now. */
	Set<PersonId> homesInUse() {
		return Set.copyOf(inUse);
	}

	/** Whether a desktop may have changed the person's home since the last scan: one runs, or ended since. */
	boolean changedSinceLastScan(PersonId person) {
		return inUse.contains(person) || released.contains(person);
	}

	void inUse(PersonId person) {
		inUse.add(person);
	}

	void released(PersonId person) {
		inUse.remove(person);
		released.add(person);
	}

	void scan() throws IOException {
		parts.expire();
		for (var expired : trash.olderThan(OffsetDateTime.now(clock).minusDays(settings.trashDays()))) {
			trash.purge(storage.trash(expired.person()), expired.entry());
			usage.add(expired.person(), -expired.entry().size());
		}
		var now = clock.instant();
		boolean full = lastFullScan == null || !now.isBefore(lastFullScan.plus(settings.fullScanEvery()));
		var changed = changedSinceLastScan();
		if (full) {
			lastFullScan = now;
		}
		for (var person : full ? storage.people() : changed) {
			try {
				drive.measure(person);
			}
			catch (IOException | RuntimeException e) {
				log.warn("could not measure the home of {}: {}", person, e.toString());
			}
		}
	}

	/** The homes of the desktops running now and of those ended since the last call. */
	private Set<PersonId> changedSinceLastScan() {
		var people = new HashSet<>(inUse);
		for (var it = released.iterator(); it.hasNext();) {
			people.add(it.next());
			it.remove();
		}
		return people;
	}
}
