package org.cloudroom.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;

/** The days a report covers, both included: the last 7, 30 or 365 days, or from one day to another. */
record Period(LocalDate from, LocalDate to) {

	static final int LONGEST = 3 * 366;

	private static final Set<Integer> LAST_DAYS = Set.of(7, 30, 365);

	/** A request's period: {@code from} and {@code to} when both are given, else the last {@code days} (30). */
	static Period of(@Nullable Integer days, @Nullable LocalDate from, @Nullable LocalDate to, LocalDate today) {
		if (from != null && to != null) {
			if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= LONGEST) {
				throw new Refused(Status.UNPROCESSABLE, "reports.period.invalid", LONGEST);
			}
			return new Period(from, to);
		}
		int last = days == null ? 30 : days;
		if (!LAST_DAYS.contains(last)) {
			throw new Refused(Status.UNPROCESSABLE, "reports.period.invalid", LONGEST);
		}
		return new Period(today.minusDays(last - 1), today);
	}

	public int days() {
		return (int) ChronoUnit.DAYS.between(from, to) + 1;
	}
}
