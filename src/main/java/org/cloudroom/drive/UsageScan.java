package org.cloudroom.drive;

import java.io.IOException;
import java.time.OffsetDateTime;

import org.cloudroom.drive.spi.HomeStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Now and then measures every home, so usage counts what was saved from inside the desktops too, purges what has
 * lain in a trash longer than the trash keeps it, and removes uploads in parts that were abandoned.
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

	UsageScan(HomeStorage storage, Drive drive, Trash trash, Usage usage, DriveSettings settings, PartUploads parts) {
		this.parts = parts;
		this.storage = storage;
		this.drive = drive;
		this.trash = trash;
		this.usage = usage;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${cloudroom.drive.scan-every:10m}", initialDelayString = "1m")
	void scan() throws IOException {
		parts.expire();
		for (var expired : trash.olderThan(OffsetDateTime.now().minusDays(settings.trashDays()))) {
			trash.purge(storage.trash(expired.person()), expired.entry());
			usage.add(expired.person(), -expired.entry().size());
		}
		for (var person : storage.people()) {
			try {
				drive.measure(person);
			}
			catch (IOException | RuntimeException e) {
				log.warn("could not measure the home of {}: {}", person, e.toString());
			}
		}
	}
}
