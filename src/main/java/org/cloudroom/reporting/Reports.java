package org.cloudroom.reporting;

import java.time.LocalDate;
import java.util.List;

/** The figures of each level, as the API answers them and the pages and CSV files show them. */
final class Reports {

	private Reports() {
	}

	/**
	 * The whole program: its schools and accounts, students reached and their study minutes ever, students active in
	 * the last 7 days, and the period's days and schools.
	 */
	record Program(LocalDate from, LocalDate to, int schools, int accounts, long studentsReached, long studyMinutes,
			long activeThisWeek, long periodMinutes, List<DayFigure> days, List<SchoolFigure> perSchool) {

		public double studyHours() {
			return Hours.of(studyMinutes);
		}
	}

	/** A school in a period: its students, those active, their minutes, each day and each class. */
	record School(String id, String name, LocalDate from, LocalDate to, int students, long studentsActive,
			long minutes, List<DayFigure> days, List<ClassFigure> classes) {
	}

	/** A class in a period: its figures, each day and each student. */
	record Class(ClassFigure figures, LocalDate from, LocalDate to, List<DayFigure> days,
			List<StudentFigure> students) {
	}

	/** One student in a period: each day and each week (starting Monday), and their minutes ever. */
	record Student(StudentFigure figures, LocalDate from, LocalDate to, long minutesEver, List<DayFigure> days,
			List<DayFigure> weeks) {
	}
}
