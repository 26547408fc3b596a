package org.cloudroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class LanguagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Program program;

	@Autowired
	People people;

	@Test
	void speaksSimplifiedChineseToATraditionalChineseBrowser() {
		var page = mvc.get().uri("/login").header(ACCEPT_LANGUAGE, "zh-TW,zh;q=0.9").exchange();

		assertThat(text(page)).contains("<html lang=\"zh-CN\">", "<title>登录");
	}

	@Test
	void speaksTheFirstLanguageOfTheBrowserItKnows() {
		assertThat(text(mvc.get().uri("/login").header(ACCEPT_LANGUAGE, "fr-FR,zh-CN;q=0.8,en;q=0.5").exchange()))
			.contains("<html lang=\"zh-CN\">");
		assertThat(text(mvc.get().uri("/login").header(ACCEPT_LANGUAGE, "fr-FR,de;q=0.8").exchange()))
			.contains("<html lang=\"en\">", "<title>Log in");
	}

	@Test
	void remembersTheLanguageChosenOnThisBrowser() {
		var chosen = mvc.get().uri("/login?lang=en").header(ACCEPT_LANGUAGE, "zh-CN").exchange();
		var cookie = chosen.getResponse().getCookie("cloudroom-lang");

		var later = mvc.get().uri("/login").header(ACCEPT_LANGUAGE, "zh-CN").cookie(cookie).exchange();

		assertThat(text(chosen)).contains("<html lang=\"en\">");
		assertThat(text(later)).contains("<html lang=\"en\">");
	}

	@Test
	void keepsTheChosenLanguageInThePersonsAccount() {
		var username = "lang-" + UUID.randomUUID().toString().substring(0, 8);
		var opened = program.open("School " + UUID.randomUUID(), 5, username, "Hong", "Lin");
		var password = opened.admin().initialPassword();

		var switched = mvc.get().uri("/settings?lang=en").cookie(login(username, password))
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange();
		var onAnotherComputer = mvc.get().uri("/settings").cookie(login(username, password))
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange();

		assertThat(text(switched)).contains("<html lang=\"en\">");
		assertThat(people.findByUsername(username).orElseThrow().language()).isEqualTo("en");
		assertThat(text(onAnotherComputer)).contains("<html lang=\"en\">");
	}

	@Test
	void ignoresALanguageItDoesNotSpeak() {
		var page = mvc.get().uri("/login?lang=fr").header(ACCEPT_LANGUAGE, "zh-CN").exchange();

		assertThat(text(page)).contains("<html lang=\"zh-CN\">");
		assertThat(page.getResponse().getCookie("cloudroom-lang")).isNull();
	}

	/** The session cookie of a form login; sessions are kept by Spring Session, not in the mock request. */
	private Cookie login(String username, String password) {
		var result = mvc.post().uri("/login").param("username", username).param("password", password).with(csrf())
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
		return result.getResponse().getCookie("SESSION");
	}

	private static String text(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}
}
