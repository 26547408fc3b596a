package org.cloudroom.reporting;

/** A class's study time in a period: its students, how many were active, their minutes and the average. */
record ClassFigure(String id, String schoolId, String name, int students, long studentsActive, long minutes) {

	/** Hours per student of the class, active or not. */
	public double averageHours() {
		return students == 0 ? 0 : Hours.of(minutes) / students;
	}
}
