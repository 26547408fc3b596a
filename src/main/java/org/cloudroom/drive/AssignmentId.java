package org.cloudroom.drive;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** The id of an assignment; in JSON and in addresses, its UUID ({@link #of} is public for the conversion of paths). */
record AssignmentId(@JsonValue UUID value) {

	static AssignmentId random() {
		return new AssignmentId(UUID.randomUUID());
	}

	public static AssignmentId of(String text) {
		return new AssignmentId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
