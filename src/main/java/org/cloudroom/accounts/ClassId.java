package org.cloudroom.accounts;

import java.util.UUID;

/** The id of a class of a school, such as "Grade 5 Class 2". */
public record ClassId(UUID value) implements java.io.Serializable {

	public static ClassId random() {
		return new ClassId(UUID.randomUUID());
	}

	public static ClassId of(String text) {
		return new ClassId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
