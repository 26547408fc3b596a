package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.desktops.Desktops;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.util.unit.DataSize;

/** Who gets into a desktop, and in which mode, before the WebSocket opens. */
class AdmissionTests {

	private final SchoolId school = SchoolId.random();
	private final CloudroomUser student = new CloudroomUser(PersonId.random(), school, "ming", Role.STUDENT);
	private final CloudroomUser teacher = new CloudroomUser(PersonId.random(), school, "li", Role.TEACHER);
	private final CloudroomUser classmate = new CloudroomUser(PersonId.random(), school, "hong", Role.STUDENT);
	private final Desktop desktop = new Desktop(UUID.randomUUID(), student.id(), school, OffsetDateTime.now(), 1,
			"/gateway/desktops/x");
	private final Desktops desktops = mock(Desktops.class);
	private final GatewayConnections connections = new GatewayConnections(Clock.systemUTC());

	/** The teacher may control the student's desktop; the classmate may only watch it; nobody else anything. */
	private final Supervision rules = new Supervision() {
		@Override
		public Optional<Mode> modeFor(CloudroomUser who, Desktop of) {
			return who.equals(teacher) ? Optional.of(Mode.CONTROL)
					: who.equals(classmate) ? Optional.of(Mode.VIEW) : Optional.empty();
		}

		@Override
		public boolean locked(PersonId owner) {
			return false;
		}
	};

	/** Whatever a person asks for, the rules allow it: only where the desktop is decides. */
	private final Supervision everybody = new Supervision() {
		@Override
		public Optional<Mode> modeFor(CloudroomUser who, Desktop of) {
			return Optional.of(Mode.CONTROL);
		}

		@Override
		public boolean locked(PersonId owner) {
			return false;
		}
	};

	/** The answer to one upgrade request: admitted in a mode, or refused with an HTTP status. */
	private record Answer(int status, @Nullable Mode mode, MockHttpServletRequest request) {
	}

	@Test
	void theOwnerControlsWhateverTheyAskFor() {
		assertThat(admit(student, "?mode=view", rules)).contains(Mode.CONTROL);
	}

	@Test
	void aSupervisorGetsTheModeTheyAskForUpToWhatTheRulesAllow() {
		assertThat(admit(teacher, "?mode=control", rules)).contains(Mode.CONTROL);
		assertThat(admit(teacher, "", rules)).contains(Mode.VIEW);
		assertThat(admit(classmate, "?mode=view", rules)).contains(Mode.VIEW);
		assertThat(admit(classmate, "?mode=control", rules)).isEmpty();
	}

	@Test
	void withoutSupervisionNobodyButTheOwnerGetsIn() {
		assertThat(admit(teacher, "?mode=view", Supervision.NOBODY)).isEmpty();
		assertThat(admit(classmate, "", Supervision.NOBODY)).isEmpty();
	}

	@Test
	void aDesktopOfAnotherSchoolIsNotFoundLikeOneThatDoesNotRun() {
		var stranger = new CloudroomUser(PersonId.random(), SchoolId.random(), "zhang", Role.TEACHER);
		var otherAdmin = new CloudroomUser(PersonId.random(), SchoolId.random(), "wang", Role.ADMIN);

		assertThat(answer(stranger, "?mode=view", everybody, null, settings(8, 60)).status()).isEqualTo(404);
		assertThat(answer(otherAdmin, "?mode=control", everybody, null, settings(8, 60)).status()).isEqualTo(404);
		assertThat(answer(teacher, "?mode=view", Supervision.NOBODY, null, settings(8, 60)).status())
			.as("in the desktop's own school the refusal stays 403").isEqualTo(403);
	}

	@Test
	void aMalformedOriginIsForbiddenLikeAnotherSitesAndNoServerError() {
		for (var origin : List.of("http://[::1", "::::", "http://evil.example", "http://localhost:80:80", "http://%",
				"http://localhost:99999999999")) {
			assertThat(answer(student, "", rules, origin, settings(8, 60)).status()).as(origin).isEqualTo(403);
		}
		assertThat(answer(student, "", rules, "http://localhost", settings(8, 60)).mode())
			.as("this server's own page").isEqualTo(Mode.CONTROL);
	}

	@Test
	void aPersonHoldsAtMostTheirShareOfConnectionsAndAFreedOneLetsTheNextIn() {
		var limits = settings(2, 60);
		assertThat(answer(student, "", rules, null, limits).mode()).isEqualTo(Mode.CONTROL);
		var second = answer(student, "", rules, null, limits);
		assertThat(second.mode()).isEqualTo(Mode.CONTROL);

		assertThat(answer(student, "", rules, null, limits).status()).as("a third at once").isEqualTo(429);
		assertThat(answer(teacher, "?mode=control", rules, null, limits).mode()).as("somebody else")
			.isEqualTo(Mode.CONTROL);

		upgradeFailed(second);
		assertThat(answer(student, "", rules, null, limits).mode()).as("after one was given up")
			.isEqualTo(Mode.CONTROL);
	}

	@Test
	void aDesktopHasAtMostItsShareOfViewersWhoeverTheyAre() {
		var limits = settings(8, 3);
		assertThat(answer(student, "", rules, null, limits).mode()).isEqualTo(Mode.CONTROL);
		assertThat(answer(teacher, "?mode=view", rules, null, limits).mode()).isEqualTo(Mode.VIEW);
		assertThat(answer(classmate, "?mode=view", rules, null, limits).mode()).isEqualTo(Mode.VIEW);

		assertThat(answer(teacher, "?mode=control", rules, null, limits).status()).isEqualTo(429);
		assertThat(answer(student, "", rules, null, limits).status()).as("the owner too").isEqualTo(429);
	}

	/** The mode the person is admitted in, or empty when refused (then with 403). */
	private Optional<Mode> admit(CloudroomUser who, String query, Supervision supervision) {
		var answer = answer(who, query, supervision, null, settings(8, 60));
		if (answer.mode() == null) {
			assertThat(answer.status()).isEqualTo(403);
		}
		return Optional.ofNullable(answer.mode());
	}

	private Answer answer(CloudroomUser who, String query, Supervision supervision, @Nullable String origin,
			GatewaySettings settings) {
		when(desktops.find(desktop.id())).thenReturn(Optional.of(desktop));
		var request = new MockHttpServletRequest("GET", "/gateway/desktops/" + desktop.id());
		request.setQueryString(query.isEmpty() ? null : query.substring(1));
		if (origin != null) {
			request.addHeader("Origin", origin);
		}
		request.setUserPrincipal(new UsernamePasswordAuthenticationToken(who, null, List.of()));
		var response = new MockHttpServletResponse();
		var attributes = new HashMap<String, Object>();
		var admitted = new Admission(desktops, supervision, connections, settings).beforeHandshake(
				new ServletServerHttpRequest(request), new ServletServerHttpResponse(response), null, attributes);
		return admitted ? new Answer(101, (Mode) attributes.get(Admission.MODE), request)
				: new Answer(response.getStatus(), null, request);
	}

	/** The upgrade of an admitted request failed after its admission, as when the browser's headers were bad. */
	private void upgradeFailed(Answer admitted) {
		var response = new MockHttpServletResponse();
		response.setStatus(400);
		new Admission(desktops, rules, connections, settings(8, 60)).afterHandshake(
				new ServletServerHttpRequest(admitted.request()), new ServletServerHttpResponse(response), null, null);
	}

	private static GatewaySettings settings(int perPerson, int perDesktop) {
		return new GatewaySettings(DataSize.ofMegabytes(1), perPerson, perDesktop, Duration.ofSeconds(10),
				Duration.ofSeconds(3));
	}
}
