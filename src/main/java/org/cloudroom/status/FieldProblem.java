package org.cloudroom.status;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with one place of an input: a row and column of a CSV file, or a form field.
 *
 * @param file the file in a bundle, or {@code null} for a single file or a form
 * @param row the 1-based line, counting the header as line 1, or 0 for a form
 * @param column the column or field name
 * @param message the message key, resolved in the person's language before it is shown
 * @param args arguments of the message
 */
public record FieldProblem(@Nullable String file, int row, String column, String message, Object... args)
		implements Serializable {

	public FieldProblem {
		args = Refused.serializable(args);
	}

	public static FieldProblem field(String name, String message, Object... args) {
		return new FieldProblem(null, 0, name, message, args);
	}
}
