package org.cloudroom.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/** A refusal no controller answers, such as the security filters' 401, has the same shape as the API's others. */
class RefusalsTests {

	private final JsonMapper json = JsonMapper.builder().build();
	private final Refusals refusals;

	RefusalsTests() {
		var messages = new StaticMessageSource();
		messages.addMessage("error.unauthorized", Locale.SIMPLIFIED_CHINESE, "请先登录。");
		messages.addMessage("login.throttled.seconds", Locale.ENGLISH, "Try again in {0} seconds.");
		refusals = new Refusals(messages, json);
	}

	@AfterEach
	void forgetTheLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void saysAMissingLoginAsAProblemWithItsCodeInThePersonsLanguage() throws Exception {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		var response = new MockHttpServletResponse();

		refusals.write(new Refused(Status.UNAUTHORIZED, "error.unauthorized"),
				new MockHttpServletRequest("GET", "/api/v1/me"), response);

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		var body = json.readTree(response.getContentAsString());
		assertThat(body.get("status").asInt()).isEqualTo(401);
		assertThat(body.get("title").asString()).isEqualTo("Unauthorized");
		assertThat(body.get("detail").asString()).isEqualTo("请先登录。");
		assertThat(body.get("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(body.get("instance").asString()).isEqualTo("/api/v1/me");
	}

	@Test
	void tellsWhenToTryAgain() throws Exception {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		var response = new MockHttpServletResponse();

		refusals.write(Refused.tooMany(Duration.ofMillis(1500), "login.throttled.seconds", 2),
				new MockHttpServletRequest("POST", "/api/v1/auth/token"), response);

		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(json.readTree(response.getContentAsString()).get("detail").asString())
			.isEqualTo("Try again in 2 seconds.");
	}
}
