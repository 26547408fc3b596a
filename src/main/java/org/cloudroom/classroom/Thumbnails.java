package org.cloudroom.classroom;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.desktops.Desktops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Live thumbnails of people's desktops, for the teacher's wall. The first request for a person starts watching
 * their running desktop; the screen is then kept current about once a second while anyone keeps asking, and the
 * watch stops by itself some seconds after the last request. Who may see whose thumbnail is the caller's to check.
 */
@Component
class Thumbnails {

	private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);
	/** The width of a thumbnail in pixels; its height keeps the screen's aspect. */
	static final int WIDTH = 320;
	private static final Duration FIRST_UPDATE = Duration.ofSeconds(3);

	private final Desktops desktops;
	private final Duration refresh;
	private final Duration idle;
	private final Clock clock;
	private final Map<PersonId, ScreenWatch> watches = new ConcurrentHashMap<>();

	@Autowired
	Thumbnails(Desktops desktops, ClassroomSettings settings, Clock clock) {
		this(desktops, Duration.ofSeconds(1), settings.thumbnailsIdle(), clock);
	}

	Thumbnails(Desktops desktops, Duration refresh, Duration idle, Clock clock) {
		this.desktops = desktops;
		this.clock = clock;
		this.refresh = refresh;
		this.idle = idle;
	}

	/** The latest small JPEG of the person's running desktop, or empty when they have none. */
	public Optional<byte[]> jpeg(PersonId owner) {
		var desktop = desktops.mine(owner);
		if (desktop.isEmpty()) {
			stopWatching(owner);
			return Optional.empty();
		}
		var id = desktop.get().id();
		var watch = watches.compute(owner, (person, old) -> {
			if (old != null && old.alive() && old.desktop().equals(id)) {
				return old;
			}
			if (old != null) {
				old.close();
			}
			try {
				return ScreenWatch.start(id, desktops.connect(id), WIDTH, refresh, clock);
			}
			catch (IOException e) {
				log.debug("Desktop {} cannot be watched: {}", id, e.toString());
				return null;
			}
		});
		return watch == null ? Optional.empty() : watch.jpeg(FIRST_UPDATE);
	}

	/** Stops watching the person's desktop, if it is watched. */
	public void stopWatching(PersonId owner) {
		var watch = watches.remove(owner);
		if (watch != null) {
			watch.close();
		}
	}

	/** How many desktops are being watched now. */
	int watching() {
		return watches.size();
	}

	/** Stops the watches whose desktop went away or that nobody asked for within the idle time. */
	void stopIdle() {
		var idleSince = clock.instant().minus(idle);
		watches.forEach((owner, watch) -> {
			if (!watch.alive() || watch.lastAsked().isBefore(idleSince)) {
				if (watches.remove(owner, watch)) {
					watch.close();
				}
			}
		});
	}

	@PreDestroy
	void stopAll() {
		watches.keySet().forEach(this::stopWatching);
	}
}
