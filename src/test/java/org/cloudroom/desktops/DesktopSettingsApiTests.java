package org.cloudroom.desktops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.cloudroom.TestSchools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/** A school admin sets what each of the school's desktops may take; a desktop started afterwards has it. */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desktop_settings;DB_CLOSE_DELAY=-1",
		"cloudroom.data=target/test-data/ds" })
@AutoConfigureMockMvc
class DesktopSettingsApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Desktops desktops;

	@Autowired
	DesktopRecords records;

	@AfterEach
	void stopEveryDesktop() {
		records.all().forEach(row -> desktops.stop(row.owner(), DesktopStopped.Reason.OWNER));
	}

	@Test
	void theSchoolsLimitsHoldForItsDesktopsStartedAfterwards() throws Exception {
		var school = new TestSchools(mvc, json).open(1);
		var student = school.students().getFirst();

		assertThat(mvc.get().uri("/api/v1/schools/{id}/desktop-settings", school.id().toString())
			.header(AUTHORIZATION, school.adminBearer())).hasStatusOk().bodyJson()
			.isLenientlyEqualTo("{\"graceMinutes\": 15, \"memoryMb\": 1536, \"processes\": 512}");
		assertThat(settings(school, "{\"memoryMb\": 1024, \"processes\": 256}", "en")).hasStatusOk().bodyJson()
			.isLenientlyEqualTo("{\"graceMinutes\": 15, \"memoryMb\": 1024, \"processes\": 256}");
		var started = mvc.post().uri("/api/v1/desktops/mine").header(AUTHORIZATION, student.bearer()).exchange();
		assertThat(started).hasStatusOk();
		var desktop = UUID.fromString(json.readTree(new String(started.getResponse().getContentAsByteArray(), UTF_8))
			.get("id").asString());

		assertThat(limitOf(desktop, "memory", "memory.limit_in_bytes", "memory.max"))
			.isEqualTo(Long.toString(1024L * 1024 * 1024));
		assertThat(limitOf(desktop, "pids", "pids.max", "pids.max")).isEqualTo("256");
	}

	@Test
	void limitsOutsideWhatTheServerAllowsAreRefusedInThePersonsLanguageAndChangeNothing() {
		var school = new TestSchools(mvc, json).open(1);

		var tooMuch = settings(school, "{\"memoryMb\": 65536, \"processes\": 256}", "en");
		var tooFew = settings(school, "{\"memoryMb\": 1024, \"processes\": 3}", "zh-CN");

		assertThat(tooMuch).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("detail")
			.isEqualTo("The memory must be between 256 and 4096 MB.");
		assertThat(tooFew).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("detail")
			.isEqualTo("进程数必须在 64 到 4096 之间。");
		assertThat(mvc.get().uri("/api/v1/schools/{id}/desktop-settings", school.id().toString())
			.header(AUTHORIZATION, school.adminBearer())).hasStatusOk().bodyJson()
			.isLenientlyEqualTo("{\"memoryMb\": 1536, \"processes\": 512}");
	}

	@Test
	void anotherSchoolsAdminNeitherSeesNorSetsTheLimits() {
		var school = new TestSchools(mvc, json).open(1);
		var other = new TestSchools(mvc, json).open(1);

		assertThat(mvc.put().uri("/api/v1/schools/{id}/desktop-settings", school.id().toString())
			.header(AUTHORIZATION, other.adminBearer()).contentType(APPLICATION_JSON)
			.content("{\"memoryMb\": 4096, \"processes\": 4096}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/schools/{id}/desktop-settings", school.id().toString())
			.header(AUTHORIZATION, school.adminBearer())).bodyJson()
			.isLenientlyEqualTo("{\"memoryMb\": 1536, \"processes\": 512}");
	}

	@Test
	void theSchoolAdminSetsTheLimitsOnTheRunningComputersPageAndIsToldWhatIsWrong() {
		var school = new TestSchools(mvc, json).open(1);
		var login = mvc.post().uri("/login").param("username", school.adminUsername())
			.param("password", school.adminPassword()).with(csrf()).exchange();
		var session = login.getResponse().getCookie("SESSION");
		var page = "/schools/" + school.id() + "/desktops";

		assertThat(mvc.get().uri(page).cookie(session)).hasStatusOk().bodyText()
			.contains("name=\"memoryMb\"", "value=\"1536\"", "name=\"processes\"", "value=\"512\"");
		assertThat(mvc.post().uri(page + "/limits").cookie(session).with(csrf()).param("memoryMb", "768")
			.param("processes", "300")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(page).cookie(session)).bodyText()
			.contains("value=\"768\"", "value=\"300\"", "Saved. Computers started from now on have these limits.");
		assertThat(mvc.post().uri(page + "/limits").cookie(session).with(csrf()).param("memoryMb", "12")
			.param("processes", "300")).hasStatus(HttpStatus.FOUND);

		assertThat(mvc.get().uri(page).cookie(session)).hasStatusOk().bodyText()
			.contains("value=\"768\"", "value=\"300\"", "The memory must be between 256 and 4096 MB.");
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult settings(TestSchools.OpenedSchool school,
			String body, String language) {
		return mvc.put().uri("/api/v1/schools/{id}/desktop-settings", school.id().toString())
			.header(AUTHORIZATION, school.adminBearer()).header(ACCEPT_LANGUAGE, language).contentType(APPLICATION_JSON)
			.content(body).exchange();
	}

	/** The desktop's limit as its control group has it, cgroup v1 or v2. */
	private static String limitOf(UUID desktop, String v1Controller, String v1File, String v2File) throws Exception {
		var v2 = Path.of("/sys/fs/cgroup/cloudroom", desktop.toString(), v2File);
		var file = Files.exists(v2) ? v2 : Path.of("/sys/fs/cgroup", v1Controller, "cloudroom", desktop.toString(), v1File);
		return Files.readString(file).strip();
	}
}
