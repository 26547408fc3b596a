package org.cloudroom.accounts;

import java.util.Locale;
import java.util.Optional;

/** What a person is in Cloudroom; the operator runs the program, the others belong to one school. */
public enum Role {
	OPERATOR, ADMIN, TEACHER, STUDENT;

	/** The role as written in an import file: {@code student}, {@code teacher} or {@code admin}. */
	static Optional<Role> ofImport(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "student" -> Optional.of(STUDENT);
			case "teacher" -> Optional.of(TEACHER);
			case "admin", "administrator" -> Optional.of(ADMIN);
			default -> Optional.empty();
		};
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
