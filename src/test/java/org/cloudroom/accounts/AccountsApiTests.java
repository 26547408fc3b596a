package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest
@AutoConfigureMockMvc
class AccountsApiTests {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	People people;

	private String operator;

	record OpenedSchool(String id, String name, String adminUsername, String adminPassword, String adminToken) {
	}

	@BeforeEach
	void logInOperator() {
		operator = token("admin", "operator-test-password");
	}

	@Test
	void operatorOpensASchoolWithItsAdmin() {
		var name = "Hope Primary " + UUID.randomUUID();
		var result = mvc.post().uri("/api/v1/schools").header(AUTHORIZATION, bearer(operator))
			.contentType(APPLICATION_JSON).content("""
					{"name": "%s", "accountQuota": 40,
					 "admin": {"username": "hope-%s", "givenName": "红", "familyName": "林"}}"""
				.formatted(name, unique()))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED);
		var school = body(result);
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/schools/" + school.get("id").asString());
		assertThat(school.get("accountsUsed").asInt()).isEqualTo(1);
		assertThat(school.get("admin").get("displayName").asString()).isEqualTo("林红");
		var admin = token(school.get("admin").get("username").asString(),
				school.get("admin").get("initialPassword").asString());
		assertThat(body(mvc.get().uri("/api/v1/schools/{id}", school.get("id").asString())
			.header(AUTHORIZATION, bearer(admin)).exchange()).get("name").asString()).isEqualTo(name);
	}

	@Test
	void onlyTheOperatorOpensSchools() {
		var school = openSchool();

		var result = mvc.post().uri("/api/v1/schools").header(AUTHORIZATION, bearer(school.adminToken()))
			.contentType(APPLICATION_JSON).content("{\"name\": \"Rogue " + unique() + "\", \"accountQuota\": 5}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void onlyTheOperatorReadsTheServersFigures() {
		var school = openSchool();

		var asAdmin = mvc.get().uri("/actuator/prometheus").header(AUTHORIZATION, bearer(school.adminToken())).exchange();
		var asOperator = mvc.get().uri("/actuator/prometheus").header(AUTHORIZATION, bearer(operator)).exchange();
		var health = mvc.get().uri("/actuator/health").exchange();

		assertThat(asAdmin).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(asOperator).hasStatusOk().bodyText().contains("hikaricp_connections_active");
		assertThat(health).hasStatusOk();
	}

	@Test
	void schoolAdminFindsNothingOfAnotherSchoolInTheApi() {
		var a = openSchool();
		var b = openSchool();
		var classOfB = "Secret Class " + unique();
		addClass(b, classOfB);
		var probes = new LinkedHashMap<String, MockMvcRequestBuilder>();
		probes.put("GET school", mvc.get().uri("/api/v1/schools/{id}", b.id()));
		probes.put("GET classes", mvc.get().uri("/api/v1/schools/{id}/classes", b.id()));
		probes.put("POST classes", mvc.post().uri("/api/v1/schools/{id}/classes", b.id())
			.contentType(APPLICATION_JSON).content("{\"name\": \"Intruders\"}"));
		probes.put("GET people", mvc.get().uri("/api/v1/schools/{id}/people", b.id()));
		probes.put("POST people", mvc.post().uri("/api/v1/schools/{id}/people", b.id()).contentType(APPLICATION_JSON)
			.content("{\"username\": \"spy-%s\", \"givenName\": \"Spy\", \"familyName\": \"X\", \"role\": \"admin\"}"
				.formatted(unique())));
		probes.put("POST people/import", mvc.post().uri("/api/v1/schools/{id}/people/import", b.id()).contentType(CSV)
			.content("username,given_name,family_name,role\nspy2-%s,Spy,X,admin\n".formatted(unique())));

		var answers = new LinkedHashMap<String, MvcTestResult>();
		probes.forEach((probe, request) -> answers.put(probe,
				request.header(AUTHORIZATION, bearer(a.adminToken())).exchange()));

		assertThat(answers).allSatisfy((probe, answer) -> {
			assertThat(answer).as(probe).hasStatus(HttpStatus.NOT_FOUND)
				.hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
			assertThat(text(answer)).as(probe).doesNotContain(b.name(), classOfB);
		});
		assertThat(body(mvc.get().uri("/api/v1/schools").header(AUTHORIZATION, bearer(a.adminToken())).exchange())
			.findValuesAsString("id")).containsExactly(a.id());
		assertThat(peopleOf(b)).containsExactly(b.adminUsername());
		assertThat(body(mvc.get().uri("/api/v1/schools/{id}/classes", b.id())
			.header(AUTHORIZATION, bearer(b.adminToken())).exchange()).findValuesAsString("name"))
			.containsExactly(classOfB);
	}

	@Test
	void schoolAdminFindsNothingOfAnotherSchoolInThePages() {
		var a = openSchool();
		var b = openSchool();
		var className = "Secret Class " + unique();
		var classOfB = addClass(b, className);
		var session = login(a.adminUsername(), a.adminPassword());

		var ownPage = mvc.get().uri("/schools/{id}", a.id()).cookie(session).exchange();
		var schoolPage = mvc.get().uri("/schools/{id}", b.id()).cookie(session).exchange();
		var classPage = mvc.get().uri("/schools/{id}/classes/{classId}", b.id(), classOfB).cookie(session).exchange();
		var printCards = mvc.post().uri("/schools/{id}/classes/{classId}/cards", b.id(), classOfB).cookie(session)
			.with(csrf()).exchange();

		assertThat(ownPage).hasStatusOk();
		assertThat(text(ownPage)).contains(a.name());
		for (var page : List.of(schoolPage, classPage, printCards)) {
			assertThat(page).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
			assertThat(text(page)).doesNotContain(b.name(), className, b.adminUsername());
		}
	}

	@Test
	void teachersAndStudentsMayNotListThePeopleOfTheirSchool() {
		var school = openSchool();
		var imported = importCsv(school, """
				username,given_name,family_name,role,class
				t-%1$s,Mei,Zhou,teacher,Grade 5 Class 2
				s-%1$s,Ming,Wang,student,Grade 5 Class 2
				""".formatted(unique()));
		assertThat(imported).hasStatus(HttpStatus.CREATED);
		var people = body(imported).get("people");

		for (var person : people) {
			var token = token(person.get("username").asString(), person.get("initialPassword").asString());
			var list = mvc.get().uri("/api/v1/schools/{id}/people", school.id()).header(AUTHORIZATION, bearer(token))
				.exchange();
			var classes = mvc.get().uri("/api/v1/schools/{id}/classes", school.id())
				.header(AUTHORIZATION, bearer(token)).exchange();

			assertThat(list).hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
			assertThat(text(list)).doesNotContain("s-", "t-");
			assertThat(classes).hasStatusOk();
		}
	}

	@Test
	void refusesABadFileWithATranslatedProblemForEachRow() {
		var school = openSchool();
		var csv = """
				username,given_name,family_name,role,class
				ok-%1$s,Ming,Wang,student,Grade 5 Class 2
				bad-%1$s,Lei,Li,janitor,Grade 5 Class 2
				""".formatted(unique());

		var chinese = mvc.post().uri("/api/v1/schools/{id}/people/import", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).header(ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9")
			.contentType(CSV).content(csv).exchange();
		var english = mvc.post().uri("/api/v1/schools/{id}/people/import", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).contentType(CSV).content(csv).exchange();

		assertThat(chinese).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(body(chinese).get("detail").asString()).startsWith("文件没有导入：发现 1 个问题");
		assertThat(body(chinese).get("problems")).singleElement().satisfies(problem -> {
			assertThat(problem.get("row").asInt()).isEqualTo(3);
			assertThat(problem.get("column").asString()).isEqualTo("role");
			assertThat(problem.get("message").asString()).isEqualTo("未知角色“janitor”：请填写 student、teacher 或 admin。");
		});
		assertThat(body(english).get("detail").asString()).startsWith("The file was not imported: 1 problem(s) found.");
		assertThat(body(english).get("problems").get(0).get("message").asString())
			.isEqualTo("Unknown role \"janitor\": use student, teacher or admin.");
		assertThat(peopleOf(school)).containsExactly(school.adminUsername());
		assertThat(body(mvc.get().uri("/api/v1/schools/{id}/classes", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).exchange())).isEmpty();
	}

	@Test
	void refusesAFileOverTheSizeLimit() {
		var school = openSchool();
		var body = new byte[5 * 1024 * 1024 + 1];

		var result = mvc.post().uri("/api/v1/schools/{id}/people/import", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).contentType(CSV).content(body).exchange();

		assertThat(result).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(body(result).get("detail").asString()).isEqualTo("The file is too large (at most 5 MB).");
	}

	@Test
	void tellsAPersonWhoTheyAre() {
		var school = openSchool();
		var csv = "username,given_name,family_name,role,class\nme-%s,小明,王,student,Grade 5 Class 2\n";
		var imported = body(importCsv(school, csv.formatted(unique()))).get("people").get(0);
		var token = token(imported.get("username").asString(), imported.get("initialPassword").asString());

		var me = body(mvc.get().uri("/api/v1/me").header(AUTHORIZATION, bearer(token)).exchange());

		assertThat(me.get("username").asString()).isEqualTo(imported.get("username").asString());
		assertThat(me.get("displayName").asString()).isEqualTo("王小明");
		assertThat(me.get("role").asString()).isEqualTo("student");
		assertThat(me.get("schoolId").asString()).isEqualTo(school.id());
		assertThat(me.get("classes").findValuesAsString("name")).containsExactly("Grade 5 Class 2");
	}

	@Test
	void refusesWrongPasswordsForATokenWithAProblem() {
		var result = mvc.post().uri("/api/v1/auth/token").contentType(APPLICATION_JSON)
			.content("{\"username\": \"nobody-%s\", \"password\": \"guess\"}".formatted(unique())).exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(body(result).get("detail").asString()).isEqualTo("Wrong username or password.");
	}

	@Test
	void refusesMalformedJsonWithAReadableProblem() {
		var result = mvc.post().uri("/api/v1/auth/token").header(ACCEPT_LANGUAGE, "zh-CN").contentType(APPLICATION_JSON)
			.content("{\"username\": ").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(body(result).get("title").asString()).isEqualTo("Bad Request");
		assertThat(body(result).get("detail").asString()).isEqualTo("请求无效。");
		assertThat(text(result)).doesNotContain("problemDetail.");
	}

	@Test
	void answersRequestsTheApiDoesNotTakeWithProblems() {
		var school = openSchool();

		var formPost = mvc.post().uri("/api/v1/schools/{id}/people/import", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).header(ACCEPT_LANGUAGE, "zh-CN")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("username=x").exchange();
		var delete = mvc.delete().uri("/api/v1/me").header(AUTHORIZATION, bearer(school.adminToken())).exchange();
		var unknown = mvc.get().uri("/api/v1/no-such-thing").header(AUTHORIZATION, bearer(school.adminToken()))
			.exchange();

		assertThat(formPost).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(body(formPost).get("detail").asString()).isEqualTo("这里不接受这种内容。");
		assertThat(delete).hasStatus(HttpStatus.METHOD_NOT_ALLOWED).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(delete.getResponse().getHeader("Allow")).contains("GET");
		assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(body(unknown).get("detail").asString()).isEqualTo("This page does not exist.");
	}

	@Test
	void asksForALoginFirst() {
		var api = mvc.get().uri("/api/v1/me").header(ACCEPT_LANGUAGE, "zh-CN").exchange();
		var page = mvc.get().uri("/schools").accept(MediaType.TEXT_HTML).exchange();
		var fakeToken = mvc.get().uri("/api/v1/me").header(AUTHORIZATION, bearer("made-up")).exchange();

		assertThat(api).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(body(api).get("detail").asString()).isEqualTo("请先登录。");
		assertThat(page).hasStatus(HttpStatus.FOUND);
		assertThat(page.getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(fakeToken).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void healthIsPublic() {
		assertThat(mvc.get().uri("/actuator/health").exchange()).hasStatusOk();
	}

	@Test
	void formLoginNeedsTheCsrfToken() {
		var withoutToken = mvc.post().uri("/login").param("username", "admin")
			.param("password", "operator-test-password").exchange();
		var withToken = mvc.post().uri("/login").param("username", "admin")
			.param("password", "operator-test-password").with(csrf()).exchange();

		assertThat(withoutToken).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(withToken).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
	}

	@Test
	void bearerRequestsNeedNoCsrfTokenButSessionRequestsDo() {
		var school = openSchool();
		var session = login(school.adminUsername(), school.adminPassword());

		var bySession = mvc.post().uri("/api/v1/schools/{id}/classes", school.id()).cookie(session)
			.contentType(APPLICATION_JSON).content("{\"name\": \"By Session\"}").exchange();
		var byToken = mvc.post().uri("/api/v1/schools/{id}/classes", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).contentType(APPLICATION_JSON)
			.content("{\"name\": \"By Token\"}").exchange();

		assertThat(bySession).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(byToken).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void aBearerHeaderWithoutAValidTokenDoesNotExcuseASessionFromCsrf() {
		var school = openSchool();
		var session = login(school.adminUsername(), school.adminPassword());

		var forged = mvc.post().uri("/api/v1/schools/{id}/classes", school.id()).cookie(session)
			.header(AUTHORIZATION, bearer("made-up")).contentType(APPLICATION_JSON).content("{\"name\": \"Forged\"}")
			.exchange();

		assertThat(forged).hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(body(mvc.get().uri("/api/v1/schools/{id}/classes", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).exchange())).isEmpty();
	}

	@Test
	void aUsernameOfAnotherSchoolIsRefusedLikeAnyNameThatCannotBeUsed() {
		var other = openSchool();
		var school = openSchool();
		var ownName = school.adminUsername();

		var otherSchools = addPerson(school, other.adminUsername());
		var ownSchools = addPerson(school, ownName);
		var reserved = addPerson(school, "root");
		var imported = importCsv(school, "username,given_name,family_name,role\n%s,Ming,Wang,student\n"
			.formatted(other.adminUsername()));

		for (var answer : List.of(otherSchools, ownSchools, reserved, imported)) {
			assertThat(answer).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(body(answer).get("problems").get(0).get("message").asString().toLowerCase())
				.doesNotContain("taken", "exist", "already", "another", "school");
		}
		assertThat(neutral(body(otherSchools), other.adminUsername()))
			.isEqualTo(neutral(body(ownSchools), ownName))
			.isEqualTo(neutral(body(reserved), "root"))
			.isEqualTo(neutral(body(imported), other.adminUsername()));
		assertThat(peopleOf(school)).containsExactly(ownName);
	}

	@Test
	void bearerRequestsKeepNoSession() {
		var school = openSchool();
		people.setLanguage(people.findByUsername(school.adminUsername()).orElseThrow().id(), "zh-CN");

		var result = mvc.get().uri("/api/v1/me").header(AUTHORIZATION, bearer(school.adminToken())).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getCookie("SESSION")).as("no session cookie").isNull();
	}

	private OpenedSchool openSchool() {
		var name = "School " + UUID.randomUUID();
		var username = "adm-" + unique();
		var result = mvc.post().uri("/api/v1/schools").header(AUTHORIZATION, bearer(operator))
			.contentType(APPLICATION_JSON).content("""
					{"name": "%s", "accountQuota": 20,
					 "admin": {"username": "%s", "givenName": "Hong", "familyName": "Lin"}}""".formatted(name, username))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		var school = body(result);
		var password = school.get("admin").get("initialPassword").asString();
		return new OpenedSchool(school.get("id").asString(), name, username, password, token(username, password));
	}

	private String addClass(OpenedSchool school, String name) {
		var result = mvc.post().uri("/api/v1/schools/{id}/classes", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).contentType(APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\"}").exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return body(result).get("id").asString();
	}

	private MvcTestResult addPerson(OpenedSchool school, String username) {
		return mvc.post().uri("/api/v1/schools/{id}/people", school.id()).header(AUTHORIZATION, bearer(school.adminToken()))
			.contentType(APPLICATION_JSON).content("""
					{"username": "%s", "givenName": "Ming", "familyName": "Wang", "role": "student"}"""
				.formatted(username)).exchange();
	}

	/** The problem of the username, with the name itself taken out. */
	private static String neutral(JsonNode answer, String username) {
		var problem = answer.get("problems").get(0);
		return problem.get("column").asString() + ": " + problem.get("message").asString().replace(username, "…");
	}

	private MvcTestResult importCsv(OpenedSchool school, String csv) {
		return mvc.post().uri("/api/v1/schools/{id}/people/import", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).contentType(CSV).content(csv.getBytes(UTF_8))
			.exchange();
	}

	private List<String> peopleOf(OpenedSchool school) {
		return body(mvc.get().uri("/api/v1/schools/{id}/people", school.id())
			.header(AUTHORIZATION, bearer(school.adminToken())).exchange()).findValuesAsString("username");
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
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
		return result.getResponse().getCookie("SESSION");
	}

	private static String bearer(String token) {
		return "Bearer " + token;
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
