package org.cloudroom.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.gateway.BrowserSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/**
 * Who reaches a student's real desktop through the gateway because of a class session: its teacher, and nobody
 * who merely runs the school or the program.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SupervisionAtTheGatewayTests {

	@LocalServerPort
	int port;

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
	Desktops desktops;

	private final HttpClient http = HttpClient.newHttpClient();
	private ClassOfTwo school;
	private UUID mingsDesktop;

	@BeforeEach
	void mingsDesktopRuns() {
		school = ClassOfTwo.open(program, peopleImport, people, classes);
		mingsDesktop = desktops.startOrResume(school.ming(), Locale.SIMPLIFIED_CHINESE).id();
	}

	@AfterEach
	void stopIt() {
		desktops.stop(school.ming().id(), DesktopStopped.Reason.OWNER);
	}

	@Test
	void theSchoolAdminAndTheOperatorNeitherRunASessionNorReachAStudentsScreen() throws Exception {
		var operator = people.findByUsername("admin").orElseThrow();
		var outsiders = Map.of(school.admin().username(), school.passwords().get(school.admin().username()),
				operator.username(), "operator-test-password");

		for (var outsider : outsiders.entrySet()) {
			var bearer = bearer(outsider.getKey(), outsider.getValue());
			assertThat(mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString())
				.header(AUTHORIZATION, bearer).exchange()).as(outsider.getKey() + " starts a session")
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(refusal(bearer, "control")).as(outsider.getKey() + " takes control").isEqualTo(403);
			assertThat(refusal(bearer, "view")).as(outsider.getKey() + " watches").isEqualTo(403);
		}
	}

	@Test
	void duringTheSessionOnlyTheTeacherWhoStartedItReachesTheStudentsScreen() throws Exception {
		var teacher = bearer(school.teacher());
		assertThat(mvc.post().uri("/api/v1/classes/{c}/sessions", school.class52().toString())
			.header(AUTHORIZATION, teacher).exchange()).hasStatus(HttpStatus.CREATED);

		try (var socket = BrowserSocket.open(http, gateway("control"), h -> h.header(AUTHORIZATION, teacher))) {
			assertThat(socket.handshake().name()).isEqualTo(school.ming().username());
		}
		for (var outsider : List.of(school.admin(), school.coTeacher(), school.otherTeacher(), school.hong())) {
			assertThat(refusal(bearer(outsider), "view")).as(outsider.username()).isEqualTo(403);
		}
	}

	private int refusal(String bearer, String mode) {
		var error = catchThrowable(() -> BrowserSocket.open(http, gateway(mode),
				headers -> headers.header(AUTHORIZATION, bearer)));
		assertThat(error).isInstanceOf(ExecutionException.class).cause()
			.isInstanceOf(WebSocketHandshakeException.class);
		return ((WebSocketHandshakeException) error.getCause()).getResponse().statusCode();
	}

	private URI gateway(String mode) {
		return URI.create("ws://localhost:" + port + "/gateway/desktops/" + mingsDesktop + "?mode=" + mode);
	}

	private String bearer(CloudroomUser user) throws Exception {
		return bearer(user.username(), school.passwords().get(user.username()));
	}

	private String bearer(String username, String password) throws Exception {
		var answer = mvc.post().uri("/api/v1/auth/token").contentType(APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password))).exchange();
		assertThat(answer).hasStatusOk();
		return "Bearer " + json.readTree(answer.getResponse().getContentAsString()).get("token").asString();
	}
}
