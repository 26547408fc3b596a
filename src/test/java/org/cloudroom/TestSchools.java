package org.cloudroom;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Opens a school and imports its students through the JSON API, as the operator and the school's admin do. */
public final class TestSchools {

	/** A student who can log in: with their password in a form, or with their API token. */
	public record Student(PersonId id, SchoolId school, String username, String password, String token) {

		public CloudroomUser user() {
			return new CloudroomUser(id, school, username, Role.STUDENT);
		}

		public String bearer() {
			return "Bearer " + token;
		}
	}

	private final MockMvcTester mvc;
	private final ObjectMapper json;

	public TestSchools(MockMvcTester mvc, ObjectMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	/** A school, its admin's username, password and API token, and its students. */
	public record OpenedSchool(SchoolId id, String adminUsername, String adminPassword, String adminToken,
			List<Student> students) {

		public String adminBearer() {
			return "Bearer " + adminToken;
		}
	}

	/** A new school with this many students, each with a unique username. */
	public List<Student> openWithStudents(int count) {
		return open(count).students();
	}

	/** A new school with its admin and this many students, each with a unique username. */
	public OpenedSchool open(int count) {
		var operator = token("admin", "operator-test-password");
		var admin = "adm-" + unique();
		var opened = body(mvc.post().uri("/api/v1/schools").header(AUTHORIZATION, "Bearer " + operator)
			.contentType(APPLICATION_JSON).content("""
					{"name": "School %s", "accountQuota": 50,
					 "admin": {"username": "%s", "givenName": "Hong", "familyName": "Lin"}}"""
				.formatted(unique(), admin))
			.exchange(), HttpStatus.CREATED);
		var school = SchoolId.of(opened.get("id").asString());
		var adminPassword = opened.get("admin").get("initialPassword").asString();
		var adminToken = token(admin, adminPassword);
		var csv = new StringBuilder("username,given_name,family_name,role,class\n");
		for (int i = 0; i < count; i++) {
			csv.append("s%d-%s,Xiaoming,Wang,student,Class 1\n".formatted(i, unique()));
		}
		var imported = body(mvc.post().uri("/api/v1/schools/{id}/people/import", school.toString())
			.header(AUTHORIZATION, "Bearer " + adminToken).contentType(MediaType.parseMediaType("text/csv"))
			.content(csv.toString().getBytes(UTF_8)).exchange(), HttpStatus.CREATED);
		var students = new ArrayList<Student>();
		for (var credential : imported.get("people")) {
			var username = credential.get("username").asString();
			var password = credential.get("initialPassword").asString();
			var token = token(username, password);
			var me = body(mvc.get().uri("/api/v1/me").header(AUTHORIZATION, "Bearer " + token).exchange(),
					HttpStatus.OK);
			students.add(new Student(PersonId.of(me.get("id").asString()), school, username, password, token));
		}
		assertThat(students).hasSize(count);
		return new OpenedSchool(school, admin, adminPassword, adminToken, students);
	}

	private String token(String username, String password) {
		var answer = mvc.post().uri("/api/v1/auth/token").contentType(APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password))).exchange();
		return body(answer, HttpStatus.OK).get("token").asString();
	}

	private JsonNode body(MvcTestResult result, HttpStatus expected) {
		assertThat(result).hasStatus(expected);
		return json.readTree(new String(result.getResponse().getContentAsByteArray(), UTF_8));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
