package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cloudroom.TestSchools;
import org.cloudroom.TestSchools.Student;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Wrong passwords slow down the address they come from, for the account they try, and one address trying many
 * accounts; they never lock an account for its owner at the address the owner uses. Every address here is one of
 * its own, so that the tests do not throttle each other.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginThrottlingTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	private List<Student> students;

	@BeforeEach
	void openSchool() {
		// The students log in once from 127.0.0.1 here: that is the school's address in these tests.
		students = new TestSchools(mvc, json).openWithStudents(5);
	}

	@Test
	void aClassLogsInWhileAnotherAddressGuessesTheirPasswords() {
		var attacker = someAddress();
		for (var student : students) {
			for (int i = 0; i < 25; i++) {
				token(student.username(), "guess-" + i, attacker);
			}
		}

		for (var student : students) {
			assertThat(token(student.username(), student.password(), "127.0.0.1")).hasStatusOk();
		}
	}

	@Test
	void makesAnAddressWaitAfterFiveWrongPasswordsForOneAccount() {
		var student = students.getFirst();
		var address = someAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(token(student.username(), "wrong", address)).hasStatus(HttpStatus.UNAUTHORIZED);
		}

		var english = token(student.username(), student.password(), address);
		var chinese = mvc.post().uri("/api/v1/auth/token").with(from(address)).header(ACCEPT_LANGUAGE, "zh-CN")
			.contentType(APPLICATION_JSON).content(credentials(student.username(), student.password())).exchange();

		assertThat(english).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
			.hasHeader("Retry-After", "30");
		assertThat(body(english).get("detail").asString())
			.isEqualTo("Too many failed logins. Try again in 30 seconds.");
		assertThat(body(chinese).get("detail").asString()).isEqualTo("登录失败次数太多。请 30 秒后再试。");
		assertThat(token(student.username(), student.password(), "127.0.0.1")).hasStatusOk();
	}

	@Test
	void makesAnAddressWaitThatTriesManyAccounts() {
		var address = someAddress();
		for (int i = 0; i < 100; i++) {
			token("nobody-" + i + "-" + unique(), "password", address);
		}

		var next = token("nobody-else-" + unique(), "password", address);
		var student = token(students.getFirst().username(), students.getFirst().password(), address);

		assertThat(next).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(student).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(next.getResponse().getHeader("Retry-After")).isEqualTo("30");
	}

	@Test
	void anAccountGuessedFromManyAddressesStillLetsItsOwnerInWhereTheyAlwaysLogIn() {
		var student = students.getFirst();
		for (int address = 0; address < 5; address++) {
			var attacker = someAddress();
			for (int i = 0; i < 4; i++) {
				assertThat(token(student.username(), "guess-" + i, attacker)).hasStatus(HttpStatus.UNAUTHORIZED);
			}
		}

		var fromANewAddress = token(student.username(), student.password(), someAddress());
		var fromTheSchool = token(student.username(), student.password(), "127.0.0.1");

		assertThat(fromANewAddress).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(fromTheSchool).hasStatusOk();
	}

	@Test
	void answersAnUnknownUsernameExactlyAsAKnownOne() {
		var address = someAddress();
		var known = students.getFirst().username();
		var unknown = "nobody-" + unique();

		for (int i = 0; i < 8; i++) {
			var forKnown = token(known, "wrong", address);
			var forUnknown = token(unknown, "wrong", address);

			assertThat(forUnknown.getResponse().getStatus()).as("attempt %d", i + 1)
				.isEqualTo(forKnown.getResponse().getStatus());
			assertThat(text(forUnknown)).as("attempt %d", i + 1).isEqualTo(text(forKnown));
			assertThat(forUnknown.getResponse().getHeader("Retry-After")).as("attempt %d", i + 1)
				.isEqualTo(forKnown.getResponse().getHeader("Retry-After"));
		}
	}

	@Test
	void theLoginFormSaysWhenToTryAgain() {
		var student = students.getFirst();
		var address = someAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(formLogin(student.username(), "wrong", address)).hasRedirectedUrl("/login?error");
		}

		var throttled = formLogin(student.username(), student.password(), address);
		var unknown = formLogin("nobody-" + unique(), "wrong", address);
		for (int i = 0; i < 5; i++) {
			unknown = formLogin(unknown.getRequest().getParameter("username"), "wrong", address);
		}

		assertThat(throttled).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?wait=30");
		assertThat(unknown).hasRedirectedUrl("/login?wait=30");
		var page = mvc.get().uri("/login?wait=30").header(ACCEPT_LANGUAGE, "zh-CN").exchange();
		assertThat(text(page)).contains("登录失败次数太多。请 30 秒后再试。");
		assertThat(formLogin(student.username(), student.password(), "127.0.0.1")).hasRedirectedUrl("/");
	}

	@Test
	void makesAnAddressShowingCardsThatAreNotValidWait() {
		var address = someAddress();
		var bogus = QrCodes.png(LoginCards.PREFIX + "made-up-" + unique(), 240);
		for (int i = 0; i < 100; i++) {
			assertThat(card(bogus, address)).hasStatus(HttpStatus.UNAUTHORIZED);
		}

		var throttled = card(bogus, address);

		assertThat(throttled).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Retry-After", "30");
		assertThat(body(throttled).get("message").asString())
			.isEqualTo("Too many failed logins. Try again in 30 seconds.");
		assertThat(card(bogus, someAddress())).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private MvcTestResult token(String username, String password, String address) {
		return mvc.post().uri("/api/v1/auth/token").with(from(address)).contentType(APPLICATION_JSON)
			.content(credentials(username, password)).exchange();
	}

	private MvcTestResult formLogin(String username, String password, String address) {
		return mvc.post().uri("/login").with(from(address)).param("username", username).param("password", password)
			.with(csrf()).exchange();
	}

	private MvcTestResult card(byte[] image, String address) {
		return mvc.post().uri("/login/card").with(from(address))
			.multipart().file(new MockMultipartFile("image", "card.png", "image/png", image)).with(csrf()).exchange();
	}

	private String credentials(String username, String password) {
		return json.writeValueAsString(Map.of("username", username, "password", password));
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** An address no other test uses. */
	static String someAddress() {
		var random = ThreadLocalRandom.current();
		return "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), 1 + random.nextInt(254));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String text(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), UTF_8);
	}

	private JsonNode body(MvcTestResult result) {
		return json.readTree(text(result));
	}
}
