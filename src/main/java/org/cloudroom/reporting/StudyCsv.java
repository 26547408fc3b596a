package org.cloudroom.reporting;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Locale;

/**
 * Figures as CSV that Excel and WPS open with Chinese names intact: UTF-8 with a byte order mark, CRLF lines.
 * A text cell that a spreadsheet would take for a formula (starting with = + - @, a tab or a return) is written
 * after an apostrophe, so a name can never run as one.
 */
final class StudyCsv {

	static final String STUDENT_COLUMNS = "class,username,name,active_minutes,study_hours,active_days,desktop_starts";
	static final String SCHOOL_COLUMNS = "school,accounts,students_reached,study_hours_total,active_last_7_days,study_hours_in_period";

	private final StringBuilder text = new StringBuilder("\uFEFF");

	private StudyCsv(String header) {
		text.append(header).append("\r\n");
	}

	static byte[] students(List<StudentFigure> students) {
		var csv = new StudyCsv(STUDENT_COLUMNS);
		for (var s : students) {
			csv.row(cell(String.join("; ", s.classes())), cell(s.username()), cell(s.displayName()),
					Long.toString(s.minutes()), hours(s.minutes()), Long.toString(s.activeDays()),
					Long.toString(s.desktopStarts()));
		}
		return csv.bytes();
	}

	static byte[] schools(List<SchoolFigure> schools) {
		var csv = new StudyCsv(SCHOOL_COLUMNS);
		for (var s : schools) {
			csv.row(cell(s.name()), Integer.toString(s.accounts()), Long.toString(s.studentsReached()),
					hours(s.studyMinutes()), Long.toString(s.activeThisWeek()), hours(s.periodMinutes()));
		}
		return csv.bytes();
	}

	static String cell(String value) {
		var safe = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
		if (safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

	private static String hours(long minutes) {
		return String.format(Locale.ROOT, "%.1f", Hours.of(minutes));
	}

	private void row(String... cells) {
		text.append(String.join(",", cells)).append("\r\n");
	}

	private byte[] bytes() {
		return text.toString().getBytes(UTF_8);
	}
}
