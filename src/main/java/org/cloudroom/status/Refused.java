package org.cloudroom.status;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request Cloudroom will not carry out, said in a message key that is translated for the person, with the
 * problems of each field or row when there are any. Whatever raised it has changed nothing. It is serialisable with
 * its arguments and problems, as a page that redirects passes it on in the web session, which is kept in the database.
 */
public class Refused extends RuntimeException {

	private final Status status;
	private final String messageKey;
	private final Object[] args;
	private final List<FieldProblem> problems;
	private final @Nullable Duration retryAfter;

	public Refused(Status status, String messageKey, Object... args) {
		this(status, List.of(), messageKey, args);
	}

	public Refused(Status status, List<FieldProblem> problems, String messageKey, Object... args) {
		this(status, problems, null, messageKey, args);
	}

	private Refused(Status status, List<FieldProblem> problems, @Nullable Duration retryAfter, String messageKey,
			Object... args) {
		super(messageKey, null, false, false);
		this.status = status;
		this.messageKey = messageKey;
		this.args = serializable(args);
		this.problems = List.copyOf(problems);
		this.retryAfter = retryAfter;
	}

	/** The arguments, each as it is or, if it cannot be serialised, as the text a message would show of it. */
	static Object[] serializable(Object[] args) {
		return Arrays.stream(args).map(arg -> arg == null || arg instanceof Serializable ? arg : String.valueOf(arg))
			.toArray();
	}

	public static Refused notFound() {
		return new Refused(Status.NOT_FOUND, "error.not-found");
	}

	/** Too many attempts: the next one is worth making after {@code retryAfter}, as the message says. */
	public static Refused tooMany(Duration retryAfter, String messageKey, Object... args) {
		return new Refused(Status.TOO_MANY, List.of(), retryAfter, messageKey, args);
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

	/** When trying again makes sense, for refusals of {@link Status#TOO_MANY}; else {@code null}. */
	public @Nullable Duration retryAfter() {
		return retryAfter;
	}
}
