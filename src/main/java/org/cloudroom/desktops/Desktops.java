package org.cloudroom.desktops;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.DesktopStopped.Reason;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.desktops.spi.DesktopStartException;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The broker: one desktop per person, started on demand and resumed when it runs; ended at once when its owner or an
 * admin ends it, after its grace period ({@link GracePeriods}), or when found crashed. A host takes no more desktops
 * than its {@link HostCapacity} allows.
 */
@Service
public class Desktops {

	private static final Logger log = LoggerFactory.getLogger(Desktops.class);

	/** What the gateway needs to reach a desktop. */
	public record Connection(SocketChannel channel, byte @Nullable [] vncPassword) {
	}

	/** A running desktop of a school, and the memory it uses in bytes, or -1 when unknown. */
	public record RunningInSchool(Desktop desktop, long memoryBytes) {
	}

	private final DesktopProvider provider;
	private final DesktopRecords records;
	private final DesktopSpecs specs;
	private final HostCapacity capacity;
	private final Presence presence;
	private final ScreenFirst screenFirst;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final PersonLocks personLocks = new PersonLocks();

	Desktops(DesktopProvider provider, DesktopRecords records, DesktopSpecs specs, HostCapacity capacity,
			Presence presence, ScreenFirst screenFirst, ApplicationEventPublisher events, Clock clock) {
		this.provider = provider;
		this.records = records;
		this.specs = specs;
		this.capacity = capacity;
		this.presence = presence;
		this.screenFirst = screenFirst;
		this.events = events;
		this.clock = clock;
	}

	/** The person's desktop: the running one, or a new one when none runs (or the last one crashed). */
	public Desktop startOrResume(CloudroomUser user, Locale locale) {
		if (user.school() == null) {
			throw new Refused(Status.FORBIDDEN, "desktops.no-school");
		}
		return personLocks.holding(user.id(), () -> {
			var existing = records.ofPerson(user.id());
			if (existing.isPresent()) {
				if (provider.isAlive(existing.get().running())) {
					return desktop(existing.get());
				}
				end(existing.get(), Reason.CRASHED);
			}
			capacity.reserve(() -> records.all().size());
			try {
				return start(user, locale);
			}
			finally {
				capacity.released();
				screenFirst.startSessions();
			}
		});
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

	/** Ends the person's desktop, if one runs. */
	public void stop(PersonId person, Reason reason) {
		personLocks.holding(person, () -> {
			records.ofPerson(person).ifPresent(row -> end(row, reason));
			return null;
		});
	}

	/** Opens a connection to the desktop's VNC server, for the gateway. */
	public Connection connect(UUID desktop) throws IOException {
		var row = records.find(desktop).orElseThrow(() -> new IOException("desktop " + desktop + " does not run"));
		return new Connection(provider.connect(row.running()), provider.vncPassword(row.running()));
	}

	/** A browser connected to the desktop: its grace period stops. */
	public void connected(UUID desktop) {
		presence.connected(desktop);
		screenFirst.shown(desktop);
	}

	/** A browser left the desktop: when it was the last, the grace period starts. */
	public void disconnected(UUID desktop) {
		presence.disconnected(desktop);
	}

	private Desktop start(CloudroomUser user, Locale locale) {
		var id = UUID.randomUUID();
		var spec = specs.forPerson(user, locale, id, records.uidOf(user.id()));
		RunningDesktop running;
		try {
			capacity.startTurn();
			try {
				running = provider.start(spec);
			}
			finally {
				capacity.startDone();
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
		var row = new DesktopRecords.Row(running, user.id(), user.school(), now());
		records.insert(row);
		specs.homeInUse(user.id());
		presence.idle(id);
		screenFirst.started(running);
		events.publishEvent(new DesktopStarted(id, user.id(), user.school(), row.startedAt()));
		return desktop(row);
	}

	private void end(DesktopRecords.Row row, Reason reason) {
		var id = row.running().id();
		provider.stop(row.running());
		records.delete(id);
		presence.forget(id);
		screenFirst.forget(id);
		specs.homeReleased(row.owner());
		events.publishEvent(new DesktopStopped(id, row.owner(), row.school(), reason, now()));
		log.info("Desktop {} of {} stopped ({})", id, row.owner(), reason);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private Desktop desktop(DesktopRecords.Row row) {
		var id = row.running().id();
		return new Desktop(id, row.owner(), row.school(), row.startedAt(), presence.connections(id),
				"/gateway/desktops/" + id);
	}
}
