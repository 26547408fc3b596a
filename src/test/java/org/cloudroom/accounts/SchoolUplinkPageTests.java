package org.cloudroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The school's uplink, as the operator and the school's admin set it on the school's page. */
@SpringBootTest
@AutoConfigureMockMvc
class SchoolUplinkPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Program program;

	@Autowired
	Schools schools;

	@Autowired
	People people;

	@Autowired
	MessageSource messages;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);
	private final CloudroomUser operator = new CloudroomUser(PersonId.random(), null, "operator", Role.OPERATOR);

	@Test
	void theSchoolAdminSetsTheUplinkInMbitAndTheSchoolPageShowsIt() throws Exception {
		var school = open("Village");
		var admin = admin(school);

		assertThat(mvc.post().uri("/schools/{s}/uplink", school.id().toString()).param("uplink", "20")
			.with(as(admin)).with(csrf())).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/schools/" + school.id());

		assertThat(schools.find(school.id()).orElseThrow().uplinkKbps()).isEqualTo(20_000);
		assertThat(mvc.get().uri("/schools/{s}", school.id().toString()).with(as(admin))).bodyText()
			.contains("name=\"uplink\"", "value=\"20\"");
		assertThat(mvc.get().uri("/api/v1/schools/{s}", school.id().toString()).with(as(admin))).bodyJson()
			.extractingPath("$.uplinkKbps").isEqualTo(20_000);
	}

	@Test
	void theOperatorSetsAndClearsItAndTheSchoolsListShowsIt() {
		var school = open("Hill");

		assertThat(mvc.post().uri("/schools/{s}/uplink", school.id().toString()).param("uplink", "2.5")
			.with(as(operator)).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(schools.find(school.id()).orElseThrow().uplinkKbps()).isEqualTo(2_500);
		assertThat(mvc.get().uri("/schools").with(as(operator))).bodyText().contains("2.5 Mbit/s");

		assertThat(mvc.post().uri("/schools/{s}/uplink", school.id().toString()).param("uplink", "")
			.with(as(operator)).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(schools.find(school.id()).orElseThrow().uplinkKbps()).as("not limited").isNull();
	}

	@Test
	void aBadValueIsRefusedWithTheReasonAndChangesNothing() {
		var school = open("River");
		var admin = admin(school);
		program.setUplink(school.id(), "30");

		for (var bad : List.of("0", "0.5", "10001", "-3", "lots", "1e3", "2.5555", "９")) {
			var answer = mvc.post().uri("/schools/{s}/uplink", school.id().toString()).param("uplink", bad)
				.with(as(admin)).with(csrf()).exchange();

			assertThat(answer).as(bad).hasStatus(HttpStatus.FOUND).flash().containsKey("refused");
			assertThat(schools.find(school.id()).orElseThrow().uplinkKbps()).as(bad).isEqualTo(30_000);
		}
		assertThat(messages.getMessage("school.uplink-range", new Object[] { 1, 10_000 }, Locale.SIMPLIFIED_CHINESE))
			.contains("上行带宽", "1 到 10,000");
		assertThat(messages.getMessage("school.uplink-range", new Object[] { 1, 10_000 }, Locale.ENGLISH))
			.contains("Mbit/s");
	}

	@Test
	void aSchoolAdminCannotSetAnotherSchoolsUplink() {
		var mine = open("Mine");
		var theirs = open("Theirs");

		assertThat(mvc.post().uri("/schools/{s}/uplink", theirs.id().toString()).param("uplink", "1")
			.with(as(admin(mine))).with(csrf())).hasStatus(HttpStatus.NOT_FOUND);

		assertThat(schools.find(theirs.id()).orElseThrow().uplinkKbps()).isNull();
	}

	@Test
	void aTeacherCannotSetTheirSchoolsUplink() {
		var school = open("Teachers");
		var teacher = new CloudroomUser(PersonId.random(), school.id(), "teacher-" + tag, Role.TEACHER);

		assertThat(mvc.post().uri("/schools/{s}/uplink", school.id().toString()).param("uplink", "1")
			.with(as(teacher)).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(schools.find(school.id()).orElseThrow().uplinkKbps()).isNull();
	}

	private School open(String name) {
		return program.open(name + " School " + tag, 50, "adm-" + name.toLowerCase() + "-" + tag, "Hong", "Lin")
			.school();
	}

	private CloudroomUser admin(School school) {
		var person = people.ofSchool(school.id()).getFirst();
		return new CloudroomUser(person.id(), school.id(), person.username(), Role.ADMIN);
	}

	private static RequestPostProcessor as(CloudroomUser user) {
		return authentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority()))));
	}
}
