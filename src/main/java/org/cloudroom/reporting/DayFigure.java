package org.cloudroom.reporting;

import java.time.LocalDate;

/** One day of a report: the students' active minutes and how many students were active. */
record DayFigure(LocalDate day, long minutes, long students) {
}
