package org.cloudroom.accounts;

import java.util.UUID;

/** The id of a person. */
public record PersonId(UUID value) implements java.io.Serializable {

	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	public static PersonId of(String text) {
		return new PersonId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
