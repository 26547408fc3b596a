package org.cloudroom.reporting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.gateway.ActiveMinuteRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.ObjectMapper;

/** Who may read which figures through the API, and the CSV files a spreadsheet opens. */
@SpringBootTest
@AutoConfigureMockMvc
class ReportsApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	StudySchool school;

	@BeforeEach
	void openSchool() throws IOException {
		school = StudySchool.open(program, peopleImport, people, classes);
	}

	@Test
	void showsASchoolToItsAdminAndTheOperatorOnly() throws IOException {
		var other = StudySchool.open(program, peopleImport, people, classes);
		var uri = "/api/v1/schools/" + school.id() + "/reports?days=7";

		assertThat(get(adminToken(school), uri)).hasStatusOk();
		assertThat(get(operatorToken(), uri)).hasStatusOk();
		assertThat(get(adminToken(other), uri)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get(teacherToken(school), uri)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get(studentToken(school), uri)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get(studentToken(school), "/api/v1/schools/" + school.id() + "/reports/study-time.csv"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void showsAClassToItsTeacherAndNotToAnotherClasssTeacherOrAStudent() throws IOException {
		var other = StudySchool.open(program, peopleImport, people, classes);
		var otherTeacher = peopleImport.importFile(school.id(), new ByteArrayInputStream(
				"username,given_name,family_name,role,class\nt2-%s,老师,赵,teacher,六年级一班\n"
					.formatted(school.id().toString().substring(0, 6)).getBytes(UTF_8)), false).people().getFirst();
		var uri = "/api/v1/classes/" + school.classId() + "/reports";

		assertThat(get(teacherToken(school), uri)).hasStatusOk();
		assertThat(get(adminToken(school), uri)).hasStatusOk();
		assertThat(get(token(otherTeacher.username(), otherTeacher.initialPassword()), uri))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get(studentToken(school), uri)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get(adminToken(other), uri)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get(teacherToken(other), uri + "/study-time.csv")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void showsTheProgramToTheOperatorOnly() {
		var minute = OffsetDateTime.now().withSecond(0).withNano(0);
		events.publishEvent(new ActiveMinuteRecorded(school.students().getFirst().id(), school.id(), minute));

		var answer = get(operatorToken(), "/api/v1/reports/program?days=30");

		assertThat(answer).hasStatusOk().bodyJson().extractingPath("$.studentsReached").asNumber()
			.satisfies(n -> assertThat(n.longValue()).isPositive());
		assertThat(answer).bodyJson().extractingPath("$.days.length()").isEqualTo(30);
		assertThat(get(adminToken(school), "/api/v1/reports/program")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void refusesAPeriodItDoesNotOffer() {
		var uri = "/api/v1/schools/" + school.id() + "/reports";

		assertThat(get(adminToken(school), uri + "?days=12")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(get(adminToken(school), uri + "?from=2026-03-09&to=2026-03-01"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(get(adminToken(school), uri + "?from=2026-03-01&to=2026-03-09")).hasStatusOk();
	}

	@Test
	void writesAClassAsCsvThatASpreadsheetOpensSafely() {
		var ming = school.students().getFirst();
		var start = OffsetDateTime.parse("2026-03-02T01:00:00Z");
		for (int i = 0; i < 90; i++) {
			events.publishEvent(new ActiveMinuteRecorded(ming.id(), school.id(), start.plusMinutes(i)));
		}

		var answer = get(teacherToken(school),
				"/api/v1/classes/" + school.classId() + "/reports/study-time.csv?from=2026-03-01&to=2026-03-07");

		assertThat(answer).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		assertThat(answer.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"study-time-class-2026-03-01-2026-03-07.csv\"");
		var bytes = answer.getResponse().getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		var lines = new String(bytes, UTF_8).substring(1).split("\r\n");
		assertThat(lines[0]).isEqualTo("class,username,name,active_minutes,study_hours,active_days,desktop_starts");
		assertThat(lines).contains("五年级二班," + ming.username() + ",王小明,90,1.5,1,0");
		assertThat(lines).contains("五年级二班," + school.students().get(2).username()
				+ ",\"'=HYPERLINK(\"\"x\"\") Li, Jr\",0,0.0,0,0");
	}

	private MvcTestResult get(String token, String uri) {
		return mvc.get().uri(uri).header(AUTHORIZATION, "Bearer " + token).exchange();
	}

	private String operatorToken() {
		return token("admin", "operator-test-password");
	}

	private String adminToken(StudySchool s) {
		return token(s.admin().username(), s.adminPassword());
	}

	private String teacherToken(StudySchool s) {
		return token(s.teacher().username(), s.teacherPassword());
	}

	private String studentToken(StudySchool s) {
		return token(s.students().getFirst().username(), s.studentPasswords().getFirst());
	}

	private String token(String username, String password) {
		var answer = mvc.post().uri("/api/v1/auth/token").contentType(APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password))).exchange();
		assertThat(answer).hasStatusOk();
		return json.readTree(answer.getResponse().getContentAsByteArray()).get("token").asString();
	}
}
