package org.cloudroom.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.ObjectMapper;

/** The classroom's JSON API and pages, as the admin, the class's teacher, another teacher and a student use them. */
@SpringBootTest
@AutoConfigureMockMvc
class ClassroomApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	ClassOfTwo school;

	@BeforeEach
	void aSchoolWithTwoClasses() {
		school = ClassOfTwo.open(program, peopleImport, people, classes);
	}

	@Test
	void theAdminDefinesARoomAndTheTimetableATeacherMayNot() throws Exception {
		var created = mvc.post().uri("/api/v1/schools/{s}/rooms", school.school().toString()).with(as(school.admin()))
			.contentType(APPLICATION_JSON).content("{\"name\": \"一号机房\", \"rows\": 5, \"columns\": 5}").exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		var room = json.readTree(created.getResponse().getContentAsString()).get("id").asString();

		assertThat(mvc.post().uri("/api/v1/schools/{s}/rooms", school.school().toString()).with(as(school.teacher()))
			.contentType(APPLICATION_JSON).content("{\"name\": \"二号机房\", \"rows\": 5, \"columns\": 5}").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/schools/{s}/timetable", school.school().toString())
			.with(as(school.admin())).contentType(APPLICATION_JSON).content("""
					{"classId": "%s", "room": "%s", "day": "TUESDAY", "start": "10:00", "end": "10:45"}"""
				.formatted(school.class52(), room)).exchange()).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.get().uri("/schools/{s}/classroom", school.school().toString()).with(as(school.admin()))
			.exchange()).hasStatusOk().bodyText().contains("一号机房").contains("10:00");
	}

	@Test
	void onlyTheClassesTeacherSeesThumbnailsAndOnlyDuringTheSession() throws Exception {
		var started = mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString())
			.with(as(school.teacher())).exchange();
		assertThat(started).hasStatus(HttpStatus.CREATED);
		var session = json.readTree(started.getResponse().getContentAsString()).get("id").asString();
		var thumbnail = "/api/v1/sessions/" + session + "/students/" + school.ming().id() + "/thumbnail";

		assertThat(mvc.get().uri(thumbnail).with(as(school.teacher())).exchange())
			.as("no desktop runs, so no picture yet").hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri(thumbnail).with(as(school.otherTeacher())).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(thumbnail).with(as(school.hong())).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		var other = ClassOfTwo.open(program, peopleImport, people, classes);
		assertThat(mvc.get().uri(thumbnail).with(as(other.admin())).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/sessions/{id}", session).with(as(school.teacher())).exchange()).hasStatusOk()
			.bodyText().contains(school.ming().username()).contains(school.hong().username())
			.doesNotContain(school.fang().username());
		assertThat(mvc.get().uri("/sessions/{id}", session).with(as(school.teacher())).exchange()).hasStatusOk();

		assertThat(mvc.post().uri("/api/v1/sessions/{id}/end", session).with(as(school.teacher())).exchange())
			.hasStatusOk();
		assertThat(mvc.get().uri(thumbnail).with(as(school.teacher())).exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aStudentCannotUnlockTheClassNorSendMessages() throws Exception {
		var started = mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString())
			.with(as(school.teacher())).exchange();
		var session = json.readTree(started.getResponse().getContentAsString()).get("id").asString();
		assertThat(mvc.put().uri("/api/v1/sessions/{id}/lock", session).with(as(school.teacher()))
			.contentType(APPLICATION_JSON).content("{\"locked\": true}").exchange()).hasStatusOk()
			.bodyJson().extractingPath("locked").isEqualTo(true);

		assertThat(mvc.put().uri("/api/v1/sessions/{id}/lock", session).with(as(school.ming()))
			.contentType(APPLICATION_JSON).content("{\"locked\": false}").exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/sessions/{id}/messages", session).with(as(school.ming()))
			.contentType(APPLICATION_JSON).content("{\"text\": \"hi\"}").exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/sessions/{id}", session).with(as(school.teacher())).exchange())
			.bodyJson().extractingPath("session.locked").isEqualTo(true);
		mvc.post().uri("/api/v1/sessions/{id}/end", session).with(as(school.teacher())).exchange();
	}

	private static RequestPostProcessor as(CloudroomUser user) {
		var authentication = authentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority()))));
		RequestPostProcessor withCsrf = SecurityMockMvcRequestPostProcessors.csrf();
		return request -> withCsrf.postProcessRequest(authentication.postProcessRequest(request));
	}
}
