package org.cloudroom.desktops;

import java.util.ArrayList;

import org.cloudroom.desktops.DesktopStopped.Reason;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a restart, the desktops that still run are adopted again (their grace period starts anew), the ones that died
 * are cleaned up, and so are any leftovers the provider finds.
 */
@Component
class Adoption {

	private static final Logger log = LoggerFactory.getLogger(Adoption.class);

	private final Desktops desktops;
	private final DesktopRecords records;
	private final DesktopSpecs specs;
	private final DesktopProvider provider;
	private final Presence presence;

	Adoption(Desktops desktops, DesktopRecords records, DesktopSpecs specs, DesktopProvider provider,
			Presence presence) {
		this.desktops = desktops;
		this.records = records;
		this.specs = specs;
		this.provider = provider;
		this.presence = presence;
	}

	@EventListener(ApplicationReadyEvent.class)
	void adopt() {
		var alive = new ArrayList<RunningDesktop>();
		for (var row : records.all()) {
			if (provider.isAlive(row.running())) {
				alive.add(row.running());
				presence.idle(row.running().id());
			}
			else {
				desktops.stop(row.owner(), Reason.CRASHED);
			}
		}
		provider.stopAllBut(alive);
		records.all().forEach(row -> specs.homeInUse(row.owner()));
		if (!alive.isEmpty()) {
			log.info("Adopted {} running desktop(s)", alive.size());
		}
	}
}
