package org.cloudroom.desktops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The My computer page, as its person reads it above their desktop. */
@SpringBootTest
@AutoConfigureMockMvc
class MyComputerPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Program program;

	@Test
	void myComputerTellsThatCtrlSpaceTypesPinyinInThePersonsLanguage() {
		var username = "pinyin-" + UUID.randomUUID().toString().substring(0, 8);
		var opened = program.open("School " + UUID.randomUUID(), 5, username, "Hong", "Lin");
		var session = login(username, opened.admin().initialPassword());

		var chinese = page(mvc.get().uri("/desktop?lang=zh-CN").cookie(session).exchange()
			.getResponse().getContentAsByteArray());
		var english = page(mvc.get().uri("/desktop?lang=en").cookie(session).exchange()
			.getResponse().getContentAsByteArray());

		assertThat(chinese).contains("<kbd>Ctrl+空格</kbd>", "切换中文（拼音）和英文");
		assertThat(english).contains("<kbd>Ctrl+Space</kbd>", "switches between Chinese (pinyin) and English");
	}

	private Cookie login(String username, String password) {
		var result = mvc.post().uri("/login").param("username", username).param("password", password).with(csrf())
			.exchange();
		return result.getResponse().getCookie("SESSION");
	}

	private static String page(byte[] body) {
		return new String(body, StandardCharsets.UTF_8);
	}
}
