package org.cloudroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudroom.accounts.LoginThrottlingTests.from;
import static org.cloudroom.accounts.LoginThrottlingTests.someAddress;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.ObjectMapper;

/** However the operator's password is guessed at, the operator still gets in. */
@SpringBootTest
@AutoConfigureMockMvc
class OperatorLoginTests {

	private static final String PASSWORD = "operator-test-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	FirstStart firstStart;

	@Autowired
	People people;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void theOperatorGetsInWhileOtherAddressesGuessTheirPassword() {
		for (int address = 0; address < 8; address++) {
			var attacker = someAddress();
			for (int i = 0; i < 10; i++) {
				token("admin", "guess-" + i, attacker);
			}
		}

		assertThat(token("admin", PASSWORD, someAddress())).hasStatusOk();
	}

	@Test
	void restartingWithTheAdminPasswordLetsTheOperatorBackIn() {
		var operator = people.findByUsername("admin").orElseThrow().id();
		var office = someAddress();
		try {
			people.setPassword(operator, passwords.encode("forgotten-password"), true);
			for (int i = 0; i < 12; i++) {
				token("admin", "is-it-this-" + i, office);
			}
			assertThat(token("admin", PASSWORD, office).getResponse().getStatus()).isNotEqualTo(200);

			firstStart.run(null);

			assertThat(token("admin", PASSWORD, office)).hasStatusOk();
		}
		finally {
			people.setPassword(operator, passwords.encode(PASSWORD), true);
		}
	}

	private MvcTestResult token(String username, String password, String address) {
		var result = mvc.post().uri("/api/v1/auth/token").with(from(address)).contentType(APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password))).exchange();
		assertThat(result.getResponse().getStatus()).isIn(200, 401, HttpStatus.TOO_MANY_REQUESTS.value());
		return result;
	}
}
