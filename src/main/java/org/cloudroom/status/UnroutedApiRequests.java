package org.cloudroom.status;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * API requests that reach no controller (an unknown path, a method or a content type the API does not take) get a
 * translated {@code application/problem+json} too; {@link ProblemResponses} only sees requests a controller took.
 * Pages keep the error page.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice
class UnroutedApiRequests {

	private final ProblemResponses.Translator translator;

	UnroutedApiRequests(MessageSource messages) {
		this.translator = new ProblemResponses.Translator(messages);
	}

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			NoResourceFoundException.class })
	ResponseEntity<ProblemDetail> unrouted(Exception exception, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| !(exception instanceof ErrorResponse error)) {
			throw exception;
		}
		var problem = error.getBody();
		problem.setDetail(translator.messageOr("error.http." + error.getStatusCode().value(), problem.getDetail()));
		return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
