package org.cloudroom.reporting;

/**
 * A school in the program's figures: its accounts, the students it reached (active at least one minute ever),
 * their study minutes ever, those active in the last 7 days, and the minutes of the period.
 */
record SchoolFigure(String id, String name, int accounts, long studentsReached, long studyMinutes,
		long activeThisWeek, long periodMinutes) {
}
