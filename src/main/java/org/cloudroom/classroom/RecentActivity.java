package org.cloudroom.classroom;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.gateway.ActiveMinuteRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Each person's latest active minute, as the gateway announces them: "active in the last minute" on the wall. */
@Component
class RecentActivity {

	private final Map<PersonId, OffsetDateTime> latest = new ConcurrentHashMap<>();
	private final ClassSessions sessions;
	private final Clock clock;

	RecentActivity(ClassSessions sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	/** Keeps the person's latest active minute, and counts it into the class session they are in. */
	@EventListener
	void on(ActiveMinuteRecorded recorded) {
		var before = latest.get(recorded.person());
		latest.merge(recorded.person(), recorded.minute(), (a, b) -> a.isAfter(b) ? a : b);
		if (!recorded.minute().equals(before)) {
			sessions.activeMinute(recorded.person());
		}
	}

	/** Whether the person worked on their desktop this minute or the one before. */
	boolean activeNow(PersonId person) {
		var minute = latest.get(person);
		var previous = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MINUTES).minusMinutes(1);
		return minute != null && !minute.isBefore(previous);
	}
}
