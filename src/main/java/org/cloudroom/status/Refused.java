package org.cloudroom.status;

import java.util.List;

/**
 * A request Cloudroom will not carry out, said in a message key that is translated for the person, with the
 * problems of each field or row when there are any. Whatever raised it has changed nothing.
 */
public class Refused extends RuntimeException {

	private final Status status;
	private final String messageKey;
	private final transient Object[] args;
	private final transient List<FieldProblem> problems;

	public Refused(Status status, String messageKey, Object... args) {
		this(status, List.of(), messageKey, args);
	}

	public Refused(Status status, List<FieldProblem> problems, String messageKey, Object... args) {
		super(messageKey, null, false, false);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
		this.problems = List.copyOf(problems);
	}

	public static Refused notFound() {
		return new Refused(Status.NOT_FOUND, "error.not-found");
	}

	public Status status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public List<FieldProblem> problems() {
		return problems;
	}
}
