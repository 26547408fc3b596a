package org.cloudroom.classroom;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.SchoolId;

/** A weekly lesson of a class in a room, on a weekday from a start to an end time in the server's time zone. */
record Lesson(UUID id, SchoolId school, ClassId classId, UUID room, DayOfWeek day, LocalTime start,
		LocalTime end) {

	boolean runsAt(DayOfWeek today, LocalTime time) {
		return day == today && !time.isBefore(start) && time.isBefore(end);
	}
}
