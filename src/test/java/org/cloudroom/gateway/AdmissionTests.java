package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.desktops.Desktops;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** Who gets into a desktop, and in which mode, before the WebSocket opens. */
class AdmissionTests {

	private final SchoolId school = SchoolId.random();
	private final CloudroomUser student = new CloudroomUser(PersonId.random(), school, "ming", Role.STUDENT);
	private final CloudroomUser teacher = new CloudroomUser(PersonId.random(), school, "li", Role.TEACHER);
	private final CloudroomUser classmate = new CloudroomUser(PersonId.random(), school, "hong", Role.STUDENT);
	private final Desktop desktop = new Desktop(UUID.randomUUID(), student.id(), school, OffsetDateTime.now(), 1,
			"/gateway/desktops/x");
	private final Desktops desktops = mock(Desktops.class);

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

	/** The mode the person is admitted in, or empty when refused (then with 403). */
	private Optional<Mode> admit(CloudroomUser who, String query, Supervision supervision) {
		when(desktops.find(desktop.id())).thenReturn(Optional.of(desktop));
		var request = new MockHttpServletRequest("GET", "/gateway/desktops/" + desktop.id());
		request.setQueryString(query.isEmpty() ? null : query.substring(1));
		request.setUserPrincipal(new UsernamePasswordAuthenticationToken(who, null, java.util.List.of()));
		var response = new MockHttpServletResponse();
		var attributes = new HashMap<String, Object>();
		var admitted = new Admission(desktops, supervision).beforeHandshake(new ServletServerHttpRequest(request),
				new ServletServerHttpResponse(response), null, attributes);
		if (!admitted) {
			assertThat(response.getStatus()).isEqualTo(403);
			return Optional.empty();
		}
		return Optional.of((Mode) attributes.get(Admission.MODE));
	}
}
