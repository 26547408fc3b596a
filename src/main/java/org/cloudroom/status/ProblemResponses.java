package org.cloudroom.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal of the JSON API into {@code application/problem+json}, its detail in the person's language,
 * with a {@code problems} list of {@code {file,row,column,message}} where rows or fields were at fault.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ProblemResponses extends ResponseEntityExceptionHandler {

	private final Translator translator;
	private final Refusals refusals;

	ProblemResponses(MessageSource messages, Refusals refusals) {
		this.translator = new Translator(messages);
		this.refusals = refusals;
	}

	/**
	 * Spring's own problems keep their plain titles: our bundles lack its {@code problemDetail.title.…} codes, and
	 * with {@code use-code-as-default-message} those codes would become the title and type. Details are translated
	 * in {@link #handleExceptionInternal} instead.
	 */
	@Override
	public void setMessageSource(MessageSource messageSource) {
	}

	@ExceptionHandler(Refused.class)
	ResponseEntity<ProblemDetail> refused(Refused refused) {
		var problem = refusals.problemOf(refused);
		var answer = ResponseEntity.status(refused.status().http());
		if (refused.retryAfter() != null) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(refused.retryAfter())));
		}
		return answer.body(problem);
	}

	/** Whole seconds, rounded up: trying again a moment too early would be refused once more. */
	static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getDetail() != null && status.value() >= 400) {
			// Spring's own details are English; give the person one in their language when we have it.
			problem.setDetail(translator.messageOr("error.http." + status.value(), problem.getDetail()));
		}
		return super.handleExceptionInternal(ex, body, headers, status, request);
	}

	/** Resolves message keys in the current request's language. */
	record Translator(MessageSource messages) {

		String message(String key, Object... args) {
			return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
		}

		String messageOr(String key, String fallback) {
			return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
		}

		List<Map<String, Object>> problems(List<FieldProblem> problems) {
			return problems.stream().map(p -> {
				var entry = new java.util.LinkedHashMap<String, Object>();
				if (p.file() != null) {
					entry.put("file", p.file());
				}
				entry.put("row", p.row());
				entry.put("column", p.column());
				entry.put("message", message(p.message(), p.args()));
				return (Map<String, Object>) entry;
			}).toList();
		}
	}
}
