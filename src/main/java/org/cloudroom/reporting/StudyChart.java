package org.cloudroom.reporting;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart of study hours over a period, measured out for an SVG the page template draws: a bar a day, or a
 * bar a week when the period is longer than two months, with a rounded scale of hours.
 */
record StudyChart(int width, int height, int left, int bottom, boolean weekly, List<Bar> bars, List<Tick> ticks,
		List<Label> labels) {

	record Bar(double x, double y, double width, double height, String day, double hours, long students) {
	}

	record Tick(double y, String text) {
	}

	record Label(double x, String text) {
	}

	private static final int WIDTH = 760;
	private static final int HEIGHT = 250;
	private static final int LEFT = 44;
	private static final int TOP = 26;
	private static final int BOTTOM = 222;
	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd");

	static StudyChart of(List<DayFigure> days) {
		boolean weekly = days.size() > 62;
		var points = weekly ? Series.perWeek(days) : days;
		double most = points.stream().mapToDouble(d -> d.minutes() / 60.0).max().orElse(0);
		double step = step(most);
		double top = Math.max(step, Math.ceil(most / step) * step);
		double plot = BOTTOM - TOP;
		double slot = (WIDTH - LEFT - 8.0) / Math.max(1, points.size());
		var bars = new ArrayList<Bar>();
		var labels = new ArrayList<Label>();
		int every = Math.max(1, (int) Math.ceil(points.size() / 8.0));
		for (int i = 0; i < points.size(); i++) {
			var p = points.get(i);
			double hours = p.minutes() / 60.0;
			double h = hours / top * plot;
			double x = LEFT + i * slot + slot * 0.15;
			bars.add(new Bar(round(x), round(BOTTOM - h), round(Math.max(1, slot * 0.7)), round(h),
					p.day().toString(), Hours.of(p.minutes()), p.students()));
			if (i % every == 0) {
				labels.add(new Label(round(LEFT + i * slot + slot / 2), p.day().format(SHORT)));
			}
		}
		var ticks = new ArrayList<Tick>();
		for (double v = 0; v <= top + step / 2; v += step) {
			ticks.add(new Tick(round(BOTTOM - v / top * plot), String.format(Locale.ROOT, step < 1 ? "%.1f" : "%.0f", v)));
		}
		return new StudyChart(WIDTH, HEIGHT, LEFT, BOTTOM, weekly, bars, ticks, labels);
	}

	/** A step of 1, 2 or 5 times a power of ten that cuts the scale into at most five parts. */
	static double step(double most) {
		if (most <= 0) {
			return 1;
		}
		double raw = most / 5;
		double power = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double m : new double[] { 1, 2, 5, 10 }) {
			if (m * power >= raw) {
				return Math.max(0.5, m * power);
			}
		}
		return 10 * power;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
