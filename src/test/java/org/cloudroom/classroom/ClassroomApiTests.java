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
import org.jspecify.annotations.Nullable;
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

	@Autowired
	ClassSessions sessions;

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
			.exchange()).hasStatusOk().bodyText().contains("一号机房").contains("10:00").contains("Asia/Shanghai");
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

	@Test
	void neitherTheSchoolAdminNorTheOperatorStartsAClassSessionByHandOrByTheTimetable() throws Exception {
		var room = json.readTree(mvc.post().uri("/api/v1/schools/{s}/rooms", school.school().toString())
			.with(as(school.admin())).contentType(APPLICATION_JSON)
			.content("{\"name\": \"三号机房\", \"rows\": 5, \"columns\": 5}").exchange().getResponse()
			.getContentAsString()).get("id").asString();
		var lesson = json.readTree(mvc.post().uri("/api/v1/schools/{s}/timetable", school.school().toString())
			.with(as(school.admin())).contentType(APPLICATION_JSON).content("""
					{"classId": "%s", "room": "%s", "day": "WEDNESDAY", "start": "09:00", "end": "09:45"}"""
				.formatted(school.class52(), room)).exchange().getResponse().getContentAsString()).get("id").asString();

		for (var outsider : List.of(school.admin(), operator())) {
			assertThat(mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString()).with(as(outsider))
				.exchange()).hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("detail")
				.isEqualTo("Only a teacher of the class runs its class sessions.");
			assertThat(mvc.post().uri("/api/v1/schools/{s}/timetable/{l}/session", school.school().toString(), lesson)
				.with(as(outsider)).exchange()).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/classes/{c}/sessions", school.class52().toString()).with(as(outsider))
				.exchange()).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/classes/{c}/sessions", school.class52().toString()).param("lesson", lesson)
				.with(as(outsider)).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString())
			.with(as(school.admin())).header("Accept-Language", "zh-CN").exchange()).bodyJson()
			.extractingPath("detail").isEqualTo("只有本班的老师才能上课。");
		assertThat(sessions.runningOf(school.class52())).as("nothing started").isEmpty();
		assertThat(mvc.get().uri("/schools/{s}/classes/{c}", school.school().toString(), school.class52().toString())
			.with(as(school.admin())).exchange()).hasStatusOk().bodyText().doesNotContain("id=\"class-sessions\"");
		assertThat(mvc.get().uri("/schools/{s}/classes/{c}", school.school().toString(), school.class52().toString())
			.with(as(school.teacher())).exchange()).hasStatusOk().bodyText().contains("id=\"class-sessions\"");
		assertThat(mvc.post().uri("/api/v1/schools/{s}/timetable/{l}/session", school.school().toString(), lesson)
			.with(as(school.teacher())).exchange()).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("room")
			.isEqualTo(room);
	}

	@Test
	void onlyTheTeacherWhoStartedTheSessionSeesAndActsOnTheClassNotTheAdminTheOperatorNorAColleague()
			throws Exception {
		var started = mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString())
			.with(as(school.teacher())).exchange();
		assertThat(started).hasStatus(HttpStatus.CREATED);
		var session = json.readTree(started.getResponse().getContentAsString()).get("id").asString();

		for (var outsider : List.of(school.admin(), operator(), school.coTeacher(), school.otherTeacher())) {
			assertThat(mvc.get().uri("/api/v1/sessions/{id}", session).with(as(outsider)).exchange())
				.as(outsider.username() + " sees the wall").hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/sessions/{id}", session).with(as(outsider)).exchange())
				.as(outsider.username() + " opens the wall").hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/api/v1/sessions/{id}/students/{p}/thumbnail", session, school.ming().id())
				.with(as(outsider)).exchange()).as(outsider.username() + " sees a thumbnail")
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.put().uri("/api/v1/sessions/{id}/lock", session).with(as(outsider))
				.contentType(APPLICATION_JSON).content("{\"locked\": true}").exchange()).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.put().uri("/api/v1/sessions/{id}/broadcast", session).with(as(outsider))
				.contentType(APPLICATION_JSON).content("{\"broadcasting\": true}").exchange())
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/api/v1/sessions/{id}/messages", session).with(as(outsider))
				.contentType(APPLICATION_JSON).content("{\"text\": \"hi\"}").exchange())
				.hasStatus(HttpStatus.FORBIDDEN);
			if (outsider != school.coTeacher()) {
				assertThat(mvc.post().uri("/api/v1/sessions/{id}/end", session).with(as(outsider)).exchange())
					.as(outsider.username() + " ends it").hasStatus(HttpStatus.FORBIDDEN);
			}
		}

		assertThat(mvc.get().uri("/api/v1/sessions/{id}", session).with(as(school.teacher())).exchange())
			.hasStatusOk().bodyJson().satisfies(view -> {
				assertThat(view).extractingPath("session.running").isEqualTo(true);
				assertThat(view).extractingPath("session.locked").isEqualTo(false);
				assertThat(view).extractingPath("session.broadcasting").isEqualTo(false);
			});
		assertThat(mvc.get().uri("/api/v1/sessions/{id}/attendance", session).with(as(school.coTeacher()))
			.exchange()).as("the attendance is the class's record").hasStatusOk();
		assertThat(mvc.post().uri("/api/v1/sessions/{id}/end", session).with(as(school.teacher())).exchange())
			.hasStatusOk();
	}

	@Test
	void aColleagueOfTheClassEndsASessionLeftRunningAndStartsTheirOwn() throws Exception {
		var started = mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString())
			.with(as(school.teacher())).exchange();
		var session = json.readTree(started.getResponse().getContentAsString()).get("id").asString();
		assertThat(mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString())
			.with(as(school.coTeacher())).exchange()).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri("/classes/{c}/sessions", school.class52().toString()).with(as(school.coTeacher()))
			.exchange()).hasStatusOk().bodyText().contains("id=\"end-others-session\"")
			.doesNotContain("id=\"open-session\"");

		assertThat(mvc.post().uri("/sessions/{id}/end", session).with(as(school.coTeacher())).exchange())
			.hasStatus(HttpStatus.FOUND);

		assertThat(sessions.runningOf(school.class52())).isEmpty();
		assertThat(mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString())
			.with(as(school.coTeacher())).exchange()).hasStatus(HttpStatus.CREATED).bodyJson()
			.extractingPath("teacher").isEqualTo(school.coTeacher().id().toString());
	}

	@Test
	void seatingIntoATakenSeatIsRefusedSayingWhoSitsThereUnlessAskedToSwapOrToUnseatThem() throws Exception {
		var created = mvc.post().uri("/api/v1/schools/{s}/rooms", school.school().toString()).with(as(school.admin()))
			.contentType(APPLICATION_JSON).content("{\"name\": \"三号机房\", \"rows\": 3, \"columns\": 3}").exchange();
		var room = json.readTree(created.getResponse().getContentAsString()).get("id").asString();
		assertThat(seat(room, school.ming(), 1, 1, null)).hasStatusOk();
		assertThat(seat(room, school.hong(), 2, 2, null)).hasStatusOk();

		var refused = mvc.put().uri("/api/v1/rooms/{r}/seats/{p}", room, school.hong().id().toString())
			.with(as(school.admin())).header("Accept-Language", "zh-CN").contentType(APPLICATION_JSON)
			.content("{\"row\": 1, \"column\": 1}").exchange();
		assertThat(refused).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("detail").asString()
			.contains("王小明 坐在第 1 排第 1 座");
		assertThat(seats(room)).containsEntry(school.ming().id().toString(), "1,1")
			.containsEntry(school.hong().id().toString(), "2,2");

		assertThat(seat(room, school.hong(), 1, 1, "swap")).hasStatusOk();
		assertThat(seats(room)).containsEntry(school.hong().id().toString(), "1,1")
			.containsEntry(school.ming().id().toString(), "2,2");

		assertThat(seat(room, school.ming(), 1, 1, "unseat")).hasStatusOk();
		assertThat(seats(room)).containsEntry(school.ming().id().toString(), "1,1")
			.doesNotContainKey(school.hong().id().toString());

		assertThat(seat(room, school.hong(), 1, 1, "shove")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(mvc.delete().uri("/api/v1/rooms/{r}/seats/{p}", room, school.ming().id().toString())
			.with(as(school.teacher())).exchange()).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(seats(room)).isEmpty();
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult seat(String room, CloudroomUser student, int row,
			int column, @Nullable String ifTaken) {
		return mvc.put().uri("/api/v1/rooms/{r}/seats/{p}", room, student.id().toString()).with(as(school.admin()))
			.contentType(APPLICATION_JSON).content(ifTaken == null ? "{\"row\": %d, \"column\": %d}".formatted(row, column)
					: "{\"row\": %d, \"column\": %d, \"ifTaken\": \"%s\"}".formatted(row, column, ifTaken))
			.exchange();
	}

	/** Who sits where in the room, as "row,column" by person. */
	private java.util.Map<String, String> seats(String room) throws Exception {
		var answer = json.readTree(mvc.get().uri("/api/v1/rooms/{r}/seats", room).with(as(school.admin())).exchange()
			.getResponse().getContentAsString());
		var seats = new java.util.HashMap<String, String>();
		answer.forEach(s -> seats.put(s.get("person").asString(), s.get("row").asInt() + "," + s.get("column").asInt()));
		return seats;
	}

	private CloudroomUser operator() {
		var operator = people.findByUsername("admin").orElseThrow();
		return new CloudroomUser(operator.id(), null, operator.username(), operator.role());
	}

	private static RequestPostProcessor as(CloudroomUser user) {
		var authentication = authentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority()))));
		RequestPostProcessor withCsrf = SecurityMockMvcRequestPostProcessors.csrf();
		return request -> withCsrf.postProcessRequest(authentication.postProcessRequest(request));
	}
}
