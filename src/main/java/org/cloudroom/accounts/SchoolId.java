package org.cloudroom.accounts;

import java.util.UUID;

/** The id of a school. */
public record SchoolId(UUID value) implements java.io.Serializable {

	public static SchoolId random() {
		return new SchoolId(UUID.randomUUID());
	}

	public static SchoolId of(String text) {
		return new SchoolId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
