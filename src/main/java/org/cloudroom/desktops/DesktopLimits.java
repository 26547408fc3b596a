package org.cloudroom.desktops;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.LimitHits;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each desktop may take of its host: its school's limits, or the server's ({@code cloudroom.desktops.memory-limit},
 * {@code .process-limit}); and every limit a running desktop meets, told as {@link DesktopLimitReached} within
 * seconds, so its person learns why a program ended or did not start.
 */
@Component
class DesktopLimits {

	private static final long MB = 1024 * 1024;
	static final long MIN_MEMORY_MB = 256;
	static final int MIN_PROCESSES = 64;
	static final int MAX_PROCESSES = 4096;

	private final JdbcClient jdbc;
	private final DesktopsSettings settings;
	private final DesktopRecords records;
	private final DesktopProvider provider;
	private final ApplicationEventPublisher events;
	private final Map<UUID, LimitHits> seen = new ConcurrentHashMap<>();

	DesktopLimits(JdbcClient jdbc, DesktopsSettings settings, DesktopRecords records, DesktopProvider provider,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.records = records;
		this.provider = provider;
		this.events = events;
	}

	DesktopSpec.Limits of(SchoolId school) {
		return own(school).orElseGet(this::byDefault);
	}

	DesktopSpec.Limits byDefault() {
		return new DesktopSpec.Limits(settings.memoryLimit().toBytes(), settings.processLimit());
	}

	Optional<DesktopSpec.Limits> own(SchoolId school) {
		return jdbc.sql("select memory_mb, processes from desktop_school_limits where school_id = ?")
			.param(school.value())
			.query((rs, n) -> new DesktopSpec.Limits(rs.getLong("memory_mb") * MB, rs.getInt("processes"))).optional();
	}

	/** The school's own limits for desktops started from now on, within what the server allows. */
	void set(SchoolId school, long memoryMb, int processes) {
		var maxMemoryMb = settings.maxMemoryLimit().toMegabytes();
		if (memoryMb < MIN_MEMORY_MB || memoryMb > maxMemoryMb) {
			throw new Refused(Status.UNPROCESSABLE, "desktops.memory-range", MIN_MEMORY_MB, maxMemoryMb);
		}
		if (processes < MIN_PROCESSES || processes > MAX_PROCESSES) {
			throw new Refused(Status.UNPROCESSABLE, "desktops.processes-range", MIN_PROCESSES, MAX_PROCESSES);
		}
		if (jdbc.sql("update desktop_school_limits set memory_mb = ?, processes = ? where school_id = ?")
			.params(memoryMb, processes, school.value()).update() == 0) {
			jdbc.sql("insert into desktop_school_limits (school_id, memory_mb, processes) values (?, ?, ?)")
				.params(school.value(), memoryMb, processes).update();
		}
	}

	/** The limits each running desktop met since the last look (every {@code limits-every}). */
	void watch() {
		var running = records.all();
		seen.keySet().retainAll(running.stream().map(row -> row.running().id()).toList());
		for (var row : running) {
			var id = row.running().id();
			var hits = provider.limitHits(row.running());
			var before = seen.put(id, hits);
			if (before == null) {
				before = LimitHits.NONE;
			}
			if (hits.memory() > before.memory()) {
				events.publishEvent(new DesktopLimitReached(id, row.owner(), row.school(),
						DesktopLimitReached.Limit.MEMORY));
			}
			if (hits.processes() > before.processes()) {
				events.publishEvent(new DesktopLimitReached(id, row.owner(), row.school(),
						DesktopLimitReached.Limit.PROCESSES));
			}
		}
	}
}
