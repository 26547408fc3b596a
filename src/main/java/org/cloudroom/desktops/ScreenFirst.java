package org.cloudroom.desktops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.springframework.stereotype.Component;

/**
 * The screen comes first: a started desktop's session (taskbar, input method) starts once no other desktop waits
 * to start or for its first frame (a moment after its connection), so that a class starting together sees every
 * screen before anyone's extras, while a desktop starting alone goes on at once; a session that waited
 * {@code session-wait} starts anyway. Looked at after each start and connection, and every
 * {@code session-check-every}.
 */
@Component
class ScreenFirst {

	/** How long after a connection its first frame is on its way, even on a busy host. */
	private static final Duration FIRST_FRAME = Duration.ofMillis(300);

	private final DesktopProvider provider;
	private final HostCapacity capacity;
	private final Duration sessionWait;
	private final Clock clock;
	/** Started desktops that show only their screen until the rest of their session may start, and since when. */
	private final Map<UUID, WaitingSession> waitingSessions = new ConcurrentHashMap<>();
	/** Started desktops nobody connected to yet, and since when: their first frame is still to come. */
	private final Map<UUID, Instant> unshown = new ConcurrentHashMap<>();
	/** When a waiting desktop was last connected to; its first frame follows within about this long. */
	private volatile Instant lastShown = Instant.EPOCH;

	ScreenFirst(DesktopProvider provider, HostCapacity capacity, DesktopsSettings settings, Clock clock) {
		this.provider = provider;
		this.capacity = capacity;
		this.sessionWait = settings.sessionWait();
		this.clock = clock;
	}

	/** A desktop started: it shows its screen, and its session waits. */
	void started(RunningDesktop desktop) {
		var now = clock.instant();
		unshown.put(desktop.id(), now);
		waitingSessions.put(desktop.id(), new WaitingSession(desktop, now));
	}

	/** Someone connected to the desktop: its first frame is on its way. */
	void shown(UUID desktop) {
		if (unshown.remove(desktop) != null) {
			lastShown = clock.instant();
			startSessions();
		}
	}

	void forget(UUID desktop) {
		waitingSessions.remove(desktop);
		unshown.remove(desktop);
	}

	/** Starts the sessions that need wait no longer. */
	void startSessions() {
		var starts = capacity.anyStarting();
		var now = clock.instant();
		var framesSent = !starts && lastShown.plus(FIRST_FRAME).isBefore(now);
		var overdue = now.minus(sessionWait);
		unshown.values().removeIf(since -> !since.isAfter(overdue));
		for (var waiting : waitingSessions.values()) {
			var id = waiting.desktop().id();
			var othersShown = framesSent && unshown.keySet().stream().allMatch(id::equals);
			if ((othersShown || !waiting.since().isAfter(overdue)) && waitingSessions.remove(id) != null) {
				provider.startSession(waiting.desktop());
			}
		}
	}

	private record WaitingSession(RunningDesktop desktop, Instant since) {
	}
}
