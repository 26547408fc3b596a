package org.cloudroom.status;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * Says a {@link Refused} as the JSON API says it: {@code application/problem+json} with the status's {@code code},
 * the detail in the person's language and the problems of each field or row. For answers no controller gives, such
 * as those of the security filters.
 */
@Component
public class Refusals {

	private final ProblemResponses.Translator translator;
	private final ObjectMapper json;

	Refusals(MessageSource messages, ObjectMapper json) {
		this.translator = new ProblemResponses.Translator(messages);
		this.json = json;
	}

	/** Answers the request with the refusal. */
	public void write(Refused refused, HttpServletRequest request, HttpServletResponse response) throws IOException {
		var problem = problemOf(refused);
		var body = new LinkedHashMap<String, @Nullable Object>();
		if (problem.getType() != null) {
			body.put("type", problem.getType().toString());
		}
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(refused.status().http());
		if (refused.retryAfter() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ProblemResponses.seconds(refused.retryAfter())));
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getWriter(), body);
	}

	ProblemDetail problemOf(Refused refused) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(refused.status().http()),
				translator.message(refused.messageKey(), refused.args()));
		problem.setTitle(titleOf(refused.status()));
		problem.setProperty("code", refused.status().name());
		if (!refused.problems().isEmpty()) {
			problem.setProperty("problems", translator.problems(refused.problems()));
		}
		return problem;
	}

	private static String titleOf(Status status) {
		var http = HttpStatus.resolve(status.http());
		return http == null ? status.name() : http.getReasonPhrase();
	}
}
