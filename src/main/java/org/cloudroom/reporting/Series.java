package org.cloudroom.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;

/** Days over a period as a chart wants them: every day present, or summed per week. */
final class Series {

	private Series() {
	}

	/** Every day of the period, those without figures as zero. */
	static List<DayFigure> everyDay(Period period, List<DayFigure> figures) {
		var byDay = new HashMap<LocalDate, DayFigure>();
		figures.forEach(f -> byDay.put(f.day(), f));
		var days = new ArrayList<DayFigure>(period.days());
		for (var day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
			days.add(byDay.getOrDefault(day, new DayFigure(day, 0, 0)));
		}
		return days;
	}

	/**
	 * The days summed per week, each named by its Monday. A week's students are the most active on one of its days,
	 * since the days do not say who was active on several.
	 */
	static List<DayFigure> perWeek(List<DayFigure> days) {
		var weeks = new TreeMap<LocalDate, DayFigure>();
		for (var d : days) {
			var monday = d.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			weeks.merge(monday, new DayFigure(monday, d.minutes(), d.students()),
					(a, b) -> new DayFigure(monday, a.minutes() + b.minutes(), Math.max(a.students(), b.students())));
		}
		return List.copyOf(weeks.values());
	}
}
