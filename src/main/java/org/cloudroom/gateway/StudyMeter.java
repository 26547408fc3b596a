package org.cloudroom.gateway;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the input events of each person per minute and writes the minutes with input (active minutes) to the
 * database every few seconds; each new active minute is also announced as {@link ActiveMinuteRecorded}.
 */
@Component
class StudyMeter {

	private record Key(PersonId person, SchoolId school, OffsetDateTime minute) {
	}

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Map<Key, Integer> counts = new ConcurrentHashMap<>();

	StudyMeter(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	void input(PersonId person, SchoolId school) {
		var minute = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
		counts.merge(new Key(person, school, minute), 1, Integer::sum);
	}

	/** Writes the counted minutes; every {@link GatewaySettings#meterFlushEvery()} ({@link MeterFlushing}). */
	@Transactional
	void flush() {
		for (var key : counts.keySet()) {
			var events = counts.remove(key);
			if (events == null) {
				continue;
			}
			int updated = jdbc.sql("update active_minute set events = events + ? where person_id = ? and at_minute = ?")
				.params(events, key.person().value(), key.minute()).update();
			if (updated == 0) {
				jdbc.sql("insert into active_minute (person_id, school_id, at_minute, events) values (?, ?, ?, ?)")
					.params(key.person().value(), key.school().value(), key.minute(), events).update();
				this.events.publishEvent(new ActiveMinuteRecorded(key.person(), key.school(), key.minute()));
			}
		}
	}
}
