package org.cloudroom.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Times as pages show them, in the schools' time zone ({@code cloudroom.time-zone}): a session started at 08:00 in
 * Beijing reads 08:00 whether the server runs in UTC or the database hands back another offset. Templates call
 * {@code ${@times.minute(x)}}.
 */
@Component("times")
public class Times {

	private final DateTimeFormatter minute;
	private final DateTimeFormatter time;
	private final String zone;

	Times(Clock clock) {
		this.zone = clock.getZone().getId();
		this.minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
		this.time = DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone());
	}

	/** Date and minute, such as 2026-12-02 08:00; empty for no time. */
	public String minute(@Nullable TemporalAccessor when) {
		return when == null ? "" : minute.format(when);
	}

	/** The schools' time zone, such as Asia/Shanghai. */
	public String zone() {
		return zone;
	}

	/** The minute of the day, such as 08:00; empty for no time. */
	public String time(@Nullable TemporalAccessor when) {
		return when == null ? "" : time.format(when);
	}
}
