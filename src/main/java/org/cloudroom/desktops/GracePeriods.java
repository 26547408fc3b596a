package org.cloudroom.desktops;

import java.time.Clock;
import java.time.Duration;

import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.DesktopStopped.Reason;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Component;

/**
 * How long a desktop with nobody connected keeps running: its school's choice, or {@code cloudroom.desktops.grace}.
 * Every {@code check-every}, desktops past their grace period are stopped, and crashed ones cleaned up.
 */
@Component
class GracePeriods {

	private final Desktops desktops;
	private final DesktopRecords records;
	private final DesktopProvider provider;
	private final Presence presence;
	private final DesktopsSettings settings;
	private final Clock clock;

	GracePeriods(Desktops desktops, DesktopRecords records, DesktopProvider provider, Presence presence,
			DesktopsSettings settings, Clock clock) {
		this.desktops = desktops;
		this.records = records;
		this.provider = provider;
		this.presence = presence;
		this.settings = settings;
		this.clock = clock;
	}

	/** The school's own grace period. */
	void set(SchoolId school, Duration grace) {
		long minutes = grace.toMinutes();
		if (minutes < 1 || minutes > 1440) {
			throw new Refused(Status.UNPROCESSABLE, "desktops.grace-range", 1, 1440);
		}
		records.setGraceMinutes(school, (int) minutes);
	}

	Duration of(SchoolId school) {
		return records.graceMinutes(school).map(Duration::ofMinutes).orElse(settings.grace());
	}

	/** Crashed desktops are cleaned up, idle ones past their grace period stopped. */
	void check() {
		var now = clock.instant();
		for (var row : records.all()) {
			if (!provider.isAlive(row.running())) {
				desktops.stop(row.owner(), Reason.CRASHED);
				continue;
			}
			var since = presence.idleSince(row.running().id());
			if (since.isPresent() && since.get().plus(of(row.school())).isBefore(now)) {
				desktops.stop(row.owner(), Reason.IDLE);
			}
		}
	}
}
