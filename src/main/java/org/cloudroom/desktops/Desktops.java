package org.cloudroom.desktops;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.desktops.spi.DesktopStartException;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The broker: one desktop per person, started on demand and resumed when it runs; stopped after a grace period
 * with nobody connected, or at once when its owner or an admin ends it; found crashed and cleaned up; adopted
 * again after a server restart. A host takes no more desktops than its limit and its free memory allow.
 */
@Service
public class Desktops {

	private static final Logger log = LoggerFactory.getLogger(Desktops.class);
	/** How long after a connection its first frame is on its way, even on a busy host. */
	private static final Duration FIRST_FRAME = Duration.ofMillis(300);

	/** What the gateway needs to reach a desktop. */
	public record Connection(SocketChannel channel, byte @Nullable [] vncPassword) {
	}

	private final DesktopProvider provider;
	private final DesktopRecords records;
	private final DesktopSpecs specs;
	private final DesktopsSettings settings;
	private final ApplicationEventPublisher events;
	private final Map<PersonId, ReentrantLock> personLocks = new ConcurrentHashMap<>();
	private final Map<UUID, AtomicInteger> connections = new ConcurrentHashMap<>();
	private final Map<UUID, Instant> idleSince = new ConcurrentHashMap<>();
	/** Started desktops that show only their screen until the rest of their session may start, and since when. */
	private final Map<UUID, WaitingSession> waitingSessions = new ConcurrentHashMap<>();
	/** Started desktops nobody connected to yet, and since when: their first frame is still to come. */
	private final Map<UUID, Instant> unshown = new ConcurrentHashMap<>();
	/** When a waiting desktop was last connected to; its first frame follows within about this long. */
	private volatile Instant lastShown = Instant.EPOCH;
	private final Object capacity = new Object();
	/** Starts at the same time, at most: a class arriving at once is served in turn rather than all slowly. */
	private final Semaphore starts;
	private int starting;

	Desktops(DesktopProvider provider, DesktopRecords records, DesktopSpecs specs, DesktopsSettings settings,
			ApplicationEventPublisher events) {
		this.specs = specs;
		this.provider = provider;
		this.records = records;
		this.settings = settings;
		this.events = events;
		this.starts = new Semaphore(Math.max(1, settings.parallelStarts()), true);
	}

	/** The person's desktop: the running one, or a new one when none runs (or the last one crashed). */
	public Desktop startOrResume(CloudroomUser user, Locale locale) {
		if (user.school() == null) {
			throw new Refused(Status.FORBIDDEN, "desktops.no-school");
		}
		var lock = personLocks.computeIfAbsent(user.id(), id -> new ReentrantLock());
		lock.lock();
		try {
			var existing = records.ofPerson(user.id());
			if (existing.isPresent()) {
				if (provider.isAlive(existing.get().running())) {
					return desktop(existing.get());
				}
				end(existing.get(), "crashed");
			}
			reserveCapacity();
			try {
				return start(user, locale);
			}
			finally {
				synchronized (capacity) {
					starting--;
				}
				startSessions();
			}
		}
		finally {
			lock.unlock();
		}
	}

	public Optional<Desktop> mine(PersonId person) {
		return records.ofPerson(person).filter(row -> provider.isAlive(row.running())).map(this::desktop);
	}

	public Optional<Desktop> find(UUID id) {
		return records.find(id).map(this::desktop);
	}

	/** The running desktops of a school, with the memory each uses when the provider can tell. */
	public List<RunningInSchool> ofSchool(SchoolId school) {
		return records.ofSchool(school).stream().map(row -> new RunningInSchool(desktop(row),
				provider.memoryBytes(row.running()).orElse(-1))).toList();
	}

	/** A running desktop of a school, and the memory it uses in bytes, or -1 when unknown. */
	public record RunningInSchool(Desktop desktop, long memoryBytes) {
	}

	/** Ends the person's desktop, if one runs. */
	public void stop(PersonId person, String reason) {
		var lock = personLocks.computeIfAbsent(person, id -> new ReentrantLock());
		lock.lock();
		try {
			records.ofPerson(person).ifPresent(row -> end(row, reason));
		}
		finally {
			lock.unlock();
		}
	}

	/** Opens a connection to the desktop's VNC server, for the gateway. */
	public Connection connect(UUID desktop) throws IOException {
		var row = records.find(desktop).orElseThrow(() -> new IOException("desktop " + desktop + " does not run"));
		return new Connection(provider.connect(row.running()), provider.vncPassword(row.running()));
	}

	/** A browser connected to the desktop: its grace period stops. */
	public void connected(UUID desktop) {
		connections.computeIfAbsent(desktop, id -> new AtomicInteger()).incrementAndGet();
		idleSince.remove(desktop);
		if (unshown.remove(desktop) != null) {
			lastShown = Instant.now();
			startSessions();
		}
	}

	/** A browser left the desktop: when it was the last, the grace period starts. */
	public void disconnected(UUID desktop) {
		var count = connections.computeIfAbsent(desktop, id -> new AtomicInteger());
		if (count.decrementAndGet() <= 0) {
			count.set(0);
			idleSince.put(desktop, Instant.now());
		}
	}

	/** Every half minute: crashed desktops are cleaned up, idle ones past their grace period stopped. */
	@Scheduled(fixedDelayString = "${cloudroom.desktops.check-every:30s}",
			initialDelayString = "${cloudroom.desktops.check-every:30s}")
	void check() {
		var now = Instant.now();
		for (var row : records.all()) {
			if (!provider.isAlive(row.running())) {
				stop(row.owner(), "crashed");
				continue;
			}
			var since = idleSince.get(row.running().id());
			if (since != null && since.plus(grace(row.school())).isBefore(now)) {
				stop(row.owner(), "idle");
			}
		}
	}

	/** After a restart: adopt the desktops that still run, clean up the ones that died, and any leftovers. */
	@EventListener(ApplicationReadyEvent.class)
	void adopt() {
		var alive = new java.util.ArrayList<RunningDesktop>();
		for (var row : records.all()) {
			if (provider.isAlive(row.running())) {
				alive.add(row.running());
				idleSince.put(row.running().id(), Instant.now());
			}
			else {
				end(row, "crashed");
			}
		}
		provider.stopAllBut(alive);
		records.all().forEach(row -> specs.homeInUse(row.owner()));
		if (!alive.isEmpty()) {
			log.info("Adopted {} running desktop(s)", alive.size());
		}
	}

	/** The school's own grace period: how long its desktops keep running with nobody connected. */
	public void setGrace(SchoolId school, Duration grace) {
		long minutes = grace.toMinutes();
		if (minutes < 1 || minutes > 1440) {
			throw new Refused(Status.UNPROCESSABLE, "desktops.grace-range", 1, 1440);
		}
		records.setGraceMinutes(school, (int) minutes);
	}

	public Duration grace(SchoolId school) {
		return records.graceMinutes(school).map(Duration::ofMinutes).orElse(settings.grace());
	}

	private Desktop start(CloudroomUser user, Locale locale) {
		var id = UUID.randomUUID();
		var spec = specs.forPerson(user, locale, id, records.uidOf(user.id()));
		RunningDesktop running;
		try {
			starts.acquire();
			try {
				running = provider.start(spec);
			}
			finally {
				starts.release();
			}
		}
		catch (DesktopStartException e) {
			log.error("Desktop of {} did not start", user.username(), e);
			throw new Refused(Status.SERVER_FULL, "desktops.start-failed");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Refused(Status.SERVER_FULL, "desktops.start-failed");
		}
		var row = new DesktopRecords.Row(running, user.id(), user.school(), OffsetDateTime.now(ZoneOffset.UTC));
		records.insert(row);
		specs.homeInUse(user.id());
		idleSince.put(id, Instant.now());
		unshown.put(id, Instant.now());
		waitingSessions.put(id, new WaitingSession(running, Instant.now()));
		events.publishEvent(new DesktopStarted(id, user.id(), user.school(), row.startedAt()));
		return desktop(row);
	}

	private record WaitingSession(RunningDesktop desktop, Instant since) {
	}

	/**
	 * The screen comes first: a started desktop's session (taskbar, input method) starts once no other desktop waits
	 * to start or for its first frame (a moment after its connection), so that a class starting together sees every
	 * screen before anyone's extras, while a desktop starting alone goes on at once; a session that waited
	 * {@code session-wait} starts anyway. Checked after each start and connection, and four times a second.
	 */
	@Scheduled(fixedDelay = 250)
	void startSessions() {
		boolean starts;
		synchronized (capacity) {
			starts = starting > 0;
		}
		var now = Instant.now();
		var framesSent = !starts && lastShown.plus(FIRST_FRAME).isBefore(now);
		var overdue = now.minus(settings.sessionWait());
		unshown.values().removeIf(since -> !since.isAfter(overdue));
		for (var waiting : waitingSessions.values()) {
			var id = waiting.desktop().id();
			var othersShown = framesSent && unshown.keySet().stream().allMatch(id::equals);
			if ((othersShown || !waiting.since().isAfter(overdue)) && waitingSessions.remove(id) != null) {
				provider.startSession(waiting.desktop());
			}
		}
	}

	private void reserveCapacity() {
		synchronized (capacity) {
			int running = records.all().size() + starting;
			if (running >= settings.maxDesktops()) {
				throw new Refused(Status.SERVER_FULL, "desktops.full-count", settings.maxDesktops());
			}
			var free = provider.availableMemoryBytes();
			if (free.isPresent() && free.getAsLong() < settings.minFreeMemory().toBytes()) {
				throw new Refused(Status.SERVER_FULL, "desktops.full-memory", free.getAsLong() / (1024 * 1024));
			}
			starting++;
		}
	}

	private void end(DesktopRecords.Row row, String reason) {
		var id = row.running().id();
		provider.stop(row.running());
		records.delete(id);
		connections.remove(id);
		idleSince.remove(id);
		waitingSessions.remove(id);
		unshown.remove(id);
		specs.homeReleased(row.owner());
		events.publishEvent(new DesktopStopped(id, row.owner(), row.school(), reason, OffsetDateTime.now(ZoneOffset.UTC)));
		log.info("Desktop {} of {} stopped ({})", id, row.owner(), reason);
	}

	private Desktop desktop(DesktopRecords.Row row) {
		var id = row.running().id();
		var count = connections.get(id);
		return new Desktop(id, row.owner(), row.school(), row.startedAt(), count == null ? 0 : count.get(),
				"/gateway/desktops/" + id);
	}
}
