package org.cloudroom.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.LinkedHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.cloudroom.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.ObjectMapper;

/**
 * Every page tells the browser to run only Cloudroom's own scripts and the inline ones the page itself wrote, not
 * to be framed, not to guess content types, and not to send its address to other sites.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersTests {

	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>");
	private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/_=-]+)'");
	private static final Pattern HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Test
	void theLoginPageRunsOnlyItsOwnScripts() {
		var page = mvc.get().uri("/login").exchange();

		assertThat(page).hasStatusOk();
		var policy = page.getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("default-src 'self'", "object-src 'none'", "base-uri 'none'",
				"frame-ancestors 'none'", "form-action 'self'").doesNotContain("unsafe-eval");
		assertThat(scriptPolicy(policy)).doesNotContain("unsafe-inline");
		assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertInlineScriptsCarryTheNonce(page);
	}

	@Test
	void eachAnswerHasANonceOfItsOwn() {
		var first = mvc.get().uri("/login").exchange().getResponse().getHeader("Content-Security-Policy");
		var second = mvc.get().uri("/login").exchange().getResponse().getHeader("Content-Security-Policy");

		assertThat(nonce(first)).isNotEqualTo(nonce(second));
	}

	@Test
	void everyPageWithAnInlineScriptCarriesTheNonceAndNoInlineHandlers() {
		var student = new TestSchools(mvc, json).openWithStudents(1).getFirst();
		var studentSession = login(student.username(), student.password());
		var operator = login("admin", "operator-test-password");
		var pages = new LinkedHashMap<String, MvcTestResult>();
		pages.put("drive", mvc.get().uri("/drive").cookie(studentSession).exchange());
		pages.put("trash", mvc.get().uri("/drive/trash").cookie(studentSession).exchange());
		pages.put("desktop", mvc.get().uri("/desktop").cookie(studentSession).exchange());
		pages.put("school", mvc.get().uri("/schools/{id}", student.school().toString()).cookie(operator).exchange());
		pages.put("cards", mvc.post().uri("/schools/{s}/people/{p}/card", student.school().toString(),
				student.id().toString()).cookie(operator).with(csrf()).exchange());

		pages.forEach((name, page) -> {
			assertThat(page).as(name).hasStatusOk();
			assertThat(text(page)).as(name).containsPattern("<script\\b(?![^>]*\\bsrc=)");
			assertInlineScriptsCarryTheNonce(page);
			assertThat(HANDLER.matcher(text(page)).find()).as(name + " has an inline event handler").isFalse();
		});
	}

	private static void assertInlineScriptsCarryTheNonce(MvcTestResult page) {
		var nonce = nonce(page.getResponse().getHeader("Content-Security-Policy"));
		var scripts = SCRIPT.matcher(text(page));
		while (scripts.find()) {
			var attributes = scripts.group(1);
			if (!attributes.contains("src=")) {
				assertThat(attributes).as(page.getRequest().getRequestURI()).contains("nonce=\"" + nonce + "\"");
			}
		}
	}

	private static String scriptPolicy(String policy) {
		for (var directive : policy.split(";")) {
			if (directive.strip().startsWith("script-src ")) {
				return directive.strip();
			}
		}
		throw new AssertionError("no script-src in " + policy);
	}

	private static String nonce(String policy) {
		assertThat(policy).as("Content-Security-Policy").isNotNull();
		var matcher = NONCE.matcher(scriptPolicy(policy));
		assertThat(matcher.find()).as("a nonce in " + policy).isTrue();
		return matcher.group(1);
	}

	/** The session cookie of a form login; sessions are kept by Spring Session, not in the mock request. */
	private Cookie login(String username, String password) {
		var result = mvc.post().uri("/login").param("username", username).param("password", password).with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/");
		return result.getResponse().getCookie("SESSION");
	}

	private static String text(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), UTF_8);
	}
}
