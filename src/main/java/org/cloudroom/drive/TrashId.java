package org.cloudroom.drive;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of what lies in a trash, also its name in the trash folder; in JSON and in addresses, its UUID ({@link #of}
 * is public for the conversion of paths).
 */
record TrashId(@JsonValue UUID value) {

	static TrashId random() {
		return new TrashId(UUID.randomUUID());
	}

	public static TrashId of(String text) {
		return new TrashId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
