package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.cloudroom.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** An API token ends with a password change, and its person or their school's admin can end it at once. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokensTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Test
	void aTokenStopsWorkingWhenItsPersonChangesTheirPassword() {
		var student = new TestSchools(mvc, json).openWithStudents(1).getFirst();
		var session = login(student.username(), student.password());

		var changed = mvc.post().uri("/settings/password").cookie(session).param("current", student.password())
			.param("password", "a-new-password").param("repeat", "a-new-password").with(csrf()).exchange();

		assertThat(changed).hasStatus(HttpStatus.FOUND);
		assertThat(me(student.token())).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(me(token(student.username(), "a-new-password"))).hasStatusOk();
	}

	@Test
	void aPersonEndsAllTheirTokens() {
		var student = new TestSchools(mvc, json).openWithStudents(1).getFirst();
		var second = token(student.username(), student.password());

		var ended = mvc.delete().uri("/api/v1/auth/tokens").header(AUTHORIZATION, "Bearer " + second).exchange();

		assertThat(ended).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(me(student.token())).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(me(second)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aSchoolAdminEndsTheTokensOfOneOfTheirPeopleButNotOfAnotherSchool() {
		var school = openSchool();
		var other = openSchool();
		var student = importStudent(school);
		var stranger = importStudent(other);

		var ended = mvc.delete().uri("/api/v1/schools/{s}/people/{p}/tokens", school.id(), student.id())
			.header(AUTHORIZATION, "Bearer " + school.adminToken()).exchange();
		var refused = mvc.delete().uri("/api/v1/schools/{s}/people/{p}/tokens", other.id(), stranger.id())
			.header(AUTHORIZATION, "Bearer " + school.adminToken()).exchange();
		var byStudent = mvc.delete().uri("/api/v1/schools/{s}/people/{p}/tokens", school.id(), student.id())
			.header(AUTHORIZATION, "Bearer " + stranger.token()).exchange();

		assertThat(ended).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(me(student.token())).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(refused).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(byStudent).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(me(stranger.token())).hasStatusOk();
		assertThat(me(school.adminToken())).hasStatusOk();
	}

	private record School(String id, String adminToken) {
	}

	private record Person(String id, String token) {
	}

	private School openSchool() {
		var admin = "adm-" + unique();
		var result = mvc.post().uri("/api/v1/schools").header(AUTHORIZATION, "Bearer " + token("admin",
				"operator-test-password")).contentType(APPLICATION_JSON).content("""
						{"name": "School %s", "accountQuota": 5,
						 "admin": {"username": "%s", "givenName": "Hong", "familyName": "Lin"}}"""
			.formatted(unique(), admin)).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		var opened = body(result);
		return new School(opened.get("id").asString(),
				token(admin, opened.get("admin").get("initialPassword").asString()));
	}

	private Person importStudent(School school) {
		var result = mvc.post().uri("/api/v1/schools/{id}/people", school.id())
			.header(AUTHORIZATION, "Bearer " + school.adminToken()).contentType(APPLICATION_JSON).content("""
					{"username": "s-%s", "givenName": "Ming", "familyName": "Wang", "role": "student"}"""
				.formatted(unique())).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		var credential = body(result).get("people").get(0);
		var token = token(credential.get("username").asString(), credential.get("initialPassword").asString());
		return new Person(body(me(token)).get("id").asString(), token);
	}

	private MvcTestResult me(String token) {
		return mvc.get().uri("/api/v1/me").header(AUTHORIZATION, "Bearer " + token).exchange();
	}

	private String token(String username, String password) {
		var result = mvc.post().uri("/api/v1/auth/token").contentType(APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password))).exchange();
		assertThat(result).hasStatusOk();
		return body(result).get("token").asString();
	}

	/** The session cookie of a form login; sessions are kept by Spring Session, not in the mock request. */
	private Cookie login(String username, String password) {
		var result = mvc.post().uri("/login").param("username", username).param("password", password).with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/");
		return result.getResponse().getCookie("SESSION");
	}

	private JsonNode body(MvcTestResult result) {
		return json.readTree(new String(result.getResponse().getContentAsByteArray(), UTF_8));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
