package org.cloudroom.accounts;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The accounts JSON API under {@code /api/v1}: tokens, the current person, schools, classes and people. */
@RestController
@RequestMapping("/api/v1")
class AccountsApi {

	record TokenRequest(String username, String password) {
	}

	record TokenResponse(String token, long expiresInSeconds) {
	}

	record ClassView(String id, String name, int students) {
		static ClassView of(SchoolClass c) {
			return new ClassView(c.id().toString(), c.name(), c.students());
		}
	}

	record Me(String id, String username, String givenName, String familyName, String displayName, String role,
			@Nullable String schoolId, @Nullable String language, List<ClassView> classes) {
	}

	record NewSchool(String name, int accountQuota, @Nullable NewAdmin admin) {
	}

	record NewAdmin(String username, String givenName, String familyName) {
	}

	record SchoolView(String id, String name, int accountQuota, int accountsUsed, @Nullable Integer uplinkKbps,
			@Nullable Credential admin) {
		static SchoolView of(School s, @Nullable Credential admin) {
			return new SchoolView(s.id().toString(), s.name(), s.accountQuota(), s.accountsUsed(), s.uplinkKbps(),
					admin);
		}
	}

	record NewClass(String name) {
	}

	record NewPerson(String username, String givenName, String familyName, String role,
			@Nullable List<String> classes, @Nullable String password) {
	}

	record PersonView(String id, String username, String givenName, String familyName, String displayName,
			String role, List<String> classes) {
	}

	private final PasswordLogin login;
	private final ApiTokens tokens;
	private final AccountsSettings settings;
	private final Schools schools;
	private final Classes classes;
	private final People people;
	private final Program program;
	private final Roster roster;
	private final PeopleImport peopleImport;

	AccountsApi(PasswordLogin login, ApiTokens tokens, AccountsSettings settings, Schools schools, Classes classes,
			People people, Program program, Roster roster, PeopleImport peopleImport) {
		this.login = login;
		this.tokens = tokens;
		this.settings = settings;
		this.schools = schools;
		this.classes = classes;
		this.people = people;
		this.program = program;
		this.roster = roster;
		this.peopleImport = peopleImport;
	}

	@PostMapping("/auth/token")
	TokenResponse token(@RequestBody TokenRequest body, HttpServletRequest request) {
		if (body.username() == null || body.password() == null) {
			throw new Refused(Status.BAD_REQUEST, "login.missing");
		}
		try {
			var user = login.check(body.username(), body.password(), LoginSource.of(request.getRemoteAddr()));
			return new TokenResponse(tokens.issue(user), settings.tokenLifetime().toSeconds());
		}
		catch (LoginThrottled throttled) {
			throw Refused.tooMany(Duration.ofSeconds(throttled.seconds()), throttled.messageKey(), throttled.amount());
		}
		catch (BadCredentialsException e) {
			throw new Refused(Status.UNAUTHORIZED, "login.failed");
		}
	}

	/** Ends every API token of the person asking, this one included. */
	@DeleteMapping("/auth/tokens")
	ResponseEntity<Void> revokeTokens(@AuthenticationPrincipal CloudroomUser user) {
		tokens.revokeAll(user.id());
		return ResponseEntity.noContent().build();
	}

	/** Ends every API token of a person of the school: for a lost laptop or a leaked script. */
	@DeleteMapping("/schools/{schoolId}/people/{personId}/tokens")
	ResponseEntity<Void> revokeTokensOf(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable PersonId personId) {
		user.requireAdminOf(schoolId);
		var person = people.findInSchool(schoolId, personId).orElseThrow(Refused::notFound);
		tokens.revokeAll(person.id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal CloudroomUser user) {
		var person = people.find(user.id()).orElseThrow(Refused::notFound);
		return new Me(person.id().toString(), person.username(), person.givenName(), person.familyName(),
				person.displayName(), person.role().name().toLowerCase(Locale.ROOT),
				person.schoolId() == null ? null : person.schoolId().toString(), person.language(),
				classes.ofPerson(person.id()).stream().map(ClassView::of).toList());
	}

	@GetMapping("/schools")
	List<SchoolView> schools(@AuthenticationPrincipal CloudroomUser user) {
		if (user.isOperator()) {
			return schools.all().stream().map(s -> SchoolView.of(s, null)).toList();
		}
		return schools.find(user.school()).stream().map(s -> SchoolView.of(s, null)).toList();
	}

	@PostMapping("/schools")
	ResponseEntity<SchoolView> openSchool(@AuthenticationPrincipal CloudroomUser user, @RequestBody NewSchool body) {
		user.requireOperator();
		var admin = body.admin() == null ? new NewAdmin(suggestedAdmin(), "School", "Admin") : body.admin();
		var opened = program.open(nonNull(body.name()), body.accountQuota(), nonNull(admin.username()),
				nonNull(admin.givenName()), nonNull(admin.familyName()));
		return ResponseEntity.created(URI.create("/api/v1/schools/" + opened.school().id()))
			.body(SchoolView.of(opened.school(), opened.admin()));
	}

	@GetMapping("/schools/{schoolId}")
	SchoolView school(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		user.requireMemberOf(schoolId);
		return schools.find(schoolId).map(s -> SchoolView.of(s, null)).orElseThrow(Refused::notFound);
	}

	@GetMapping("/schools/{schoolId}/classes")
	List<ClassView> classes(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		user.requireMemberOf(schoolId);
		return classes.ofSchool(schoolId).stream().map(ClassView::of).toList();
	}

	@PostMapping("/schools/{schoolId}/classes")
	ResponseEntity<ClassView> addClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestBody NewClass body) {
		user.requireAdminOf(schoolId);
		var created = roster.addClass(schoolId, nonNull(body.name()));
		return ResponseEntity.created(URI.create("/api/v1/schools/" + schoolId + "/classes/" + created.id()))
			.body(ClassView.of(created));
	}

	@GetMapping("/schools/{schoolId}/people")
	List<PersonView> people(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		user.requireAdminOf(schoolId);
		return people.ofSchool(schoolId).stream().map(p -> new PersonView(p.id().toString(), p.username(),
				p.givenName(), p.familyName(), p.displayName(), p.role().name().toLowerCase(Locale.ROOT),
				classes.ofPerson(p.id()).stream().map(SchoolClass::name).toList())).toList();
	}

	@PostMapping("/schools/{schoolId}/people")
	ResponseEntity<ImportResult> addPerson(@AuthenticationPrincipal CloudroomUser user,
			@PathVariable SchoolId schoolId, @RequestBody NewPerson body) {
		user.requireAdminOf(schoolId);
		var row = new RosterRow(null, 0, nonNull(body.username()), nonNull(body.givenName()),
				nonNull(body.familyName()), nonNull(body.role()), body.classes() == null ? List.of() : body.classes(),
				body.password());
		return ResponseEntity.status(201).body(roster.add(schoolId, List.of(row), false));
	}

	@PostMapping(path = "/schools/{schoolId}/people/import", consumes = { "text/csv", "application/zip",
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ResponseEntity<ImportResult> importPeople(@AuthenticationPrincipal CloudroomUser user,
			@PathVariable SchoolId schoolId, HttpServletRequest request) throws IOException {
		user.requireAdminOf(schoolId);
		var zip = request.getContentType() != null && request.getContentType().startsWith("application/zip");
		return ResponseEntity.status(201).body(peopleImport.importFile(schoolId, request.getInputStream(), zip));
	}

	private static String nonNull(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static String suggestedAdmin() {
		return "admin-" + Secrets.initialPassword().substring(0, 6);
	}
}
