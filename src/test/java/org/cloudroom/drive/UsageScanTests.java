package org.cloudroom.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.cloudroom.DatabaseTest;
import org.cloudroom.MovingClock;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.drive.spi.HomeStorage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a desktop saves counts in its person's usage after the next scan; a home no desktop writes to is walked only
 * in the daily full scan.
 */
@DatabaseTest
class UsageScanTests {

	@Autowired
	HomeStorage storage;

	@Autowired
	Drive drive;

	@Autowired
	Trash trash;

	@Autowired
	Usage usage;

	@Autowired
	DriveSettings settings;

	@Autowired
	PartUploads parts;

	private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

	@Test
	void measuresTheHomesOfRunningAndEndedDesktopsAtEachScanAndEveryHomeOnceADay() throws IOException {
		var scan = new UsageScan(storage, drive, trash, usage, settings, parts, clock);
		var working = PersonId.random();
		var leaving = PersonId.random();
		var away = PersonId.random();
		for (var person : new PersonId[] { working, leaving, away }) {
			storage.home(person);
		}
		scan.scan();
		assertThat(usage.of(away)).contains(0L);

		save(1000, working, leaving, away);
		scan.inUse(working);
		scan.inUse(leaving);
		scan.released(leaving);
		clock.pass(settings.scanEvery());
		scan.scan();

		assertThat(usage.of(working)).contains(1000L);
		assertThat(usage.of(leaving)).contains(1000L);
		assertThat(usage.of(away)).as("a home nobody's desktop wrote to is not walked").contains(0L);

		save(500, working, leaving, away);
		clock.pass(settings.scanEvery());
		scan.scan();

		assertThat(usage.of(working)).contains(1500L);
		assertThat(usage.of(leaving)).as("measured once after its desktop ended, then left alone").contains(1000L);
		assertThat(usage.of(away)).contains(0L);

		clock.pass(settings.fullScanEvery());
		scan.scan();

		assertThat(usage.of(working)).contains(1500L);
		assertThat(usage.of(leaving)).contains(1500L);
		assertThat(usage.of(away)).contains(1500L);
	}

	private void save(int bytes, PersonId... people) throws IOException {
		for (var person : people) {
			Files.write(Files.createTempFile(storage.home(person), "homework", ".txt"), new byte[bytes]);
		}
	}
}
