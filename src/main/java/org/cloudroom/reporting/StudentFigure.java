package org.cloudroom.reporting;

import java.util.List;

/** A student's study time in a period: active minutes, days with any, and desktops started. */
record StudentFigure(String id, String username, String displayName, List<String> classes, long minutes,
		long activeDays, long desktopStarts) {
}
