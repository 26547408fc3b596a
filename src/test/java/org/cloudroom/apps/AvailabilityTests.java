package org.cloudroom.apps;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may give which app to whom, and what each person's desktop then offers. */
@DatabaseTest
class AvailabilityTests {

	static final String EDITOR = "org.xfce.mousepad";
	static final String TERMINAL = "lxterminal";

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	@Autowired
	Availability availability;

	@Autowired
	AppRequests requests;

	@Autowired
	AppCatalog catalog;

	final CloudroomUser operator = new CloudroomUser(new PersonId(new UUID(0, 1)), null, "op", Role.OPERATOR);
	SchoolId school;
	CloudroomUser admin;
	CloudroomUser music;
	CloudroomUser art;
	ClassId musicClass;
	ClassId artClass;
	PersonId ming;
	PersonId hong;
	SchoolId otherSchool;
	CloudroomUser otherAdmin;

	@BeforeEach
	void aSchoolWithTwoClassesAndTheirTeachers() throws IOException {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = program.open("Apps School " + tag, 20, "aadm-" + tag, "Hong", "Lin");
		school = opened.school().id();
		admin = user(opened.admin().username());
		peopleImport.importFile(school, new ByteArrayInputStream("""
				username,given_name,family_name,role,class,password
				music-%1$s,老师,音乐,teacher,五年级一班,
				art-%1$s,老师,美术,teacher,五年级二班,
				ming-%1$s,小明,王,student,五年级一班,
				hong-%1$s,小红,李,student,五年级二班,
				""".formatted(tag).getBytes(UTF_8)), false);
		music = user("music-" + tag);
		art = user("art-" + tag);
		ming = user("ming-" + tag).id();
		hong = user("hong-" + tag).id();
		musicClass = classes.findByName(school, "五年级一班").orElseThrow().id();
		artClass = classes.findByName(school, "五年级二班").orElseThrow().id();
		var other = program.open("Other School " + tag, 5, "oadm-" + tag, "Li", "Wu");
		otherSchool = other.school().id();
		otherAdmin = user(other.admin().username());
	}

	@Test
	void anAppATeacherAddsReachesTheirClassOnly() {
		availability.allow(operator, school, EDITOR, true);

		availability.assign(music, musicClass, EDITOR, true);

		assertThat(availability.forPerson(ming, school)).extracting(App::id).containsExactly(EDITOR);
		assertThat(availability.forPerson(hong, school)).isEmpty();
		assertThat(availability.ofClass(music, musicClass)).extracting(App::id).containsExactly(EDITOR);

		availability.assign(music, musicClass, EDITOR, false);
		assertThat(availability.forPerson(ming, school)).isEmpty();
	}

	@Test
	void anAppTheAdminGivesEveryClassReachesEveryStudent() {
		availability.allow(operator, school, TERMINAL, true);

		availability.giveToEveryClass(admin, school, TERMINAL, true);

		assertThat(availability.forPerson(ming, school)).extracting(App::id).containsExactly(TERMINAL);
		assertThat(availability.forPerson(hong, school)).extracting(App::id).containsExactly(TERMINAL);
		assertThat(availability.ofSchool(music, school)).containsExactly(
				new Offer(availability.ofSchool(admin, school).getFirst().app(), true));
	}

	@Test
	void aTeacherCannotChangeAnotherClassAndNobodyReachesAnotherSchool() {
		availability.allow(operator, school, EDITOR, true);

		assertRefused(() -> availability.assign(art, musicClass, EDITOR, true), Status.FORBIDDEN);
		assertRefused(() -> availability.assign(otherAdmin, musicClass, EDITOR, true), Status.NOT_FOUND);
		assertRefused(() -> availability.ofClass(otherAdmin, musicClass), Status.NOT_FOUND);
		assertRefused(() -> availability.ofSchool(otherAdmin, school), Status.NOT_FOUND);
		assertRefused(() -> availability.giveToEveryClass(otherAdmin, school, EDITOR, true), Status.NOT_FOUND);
		assertRefused(() -> availability.giveToEveryClass(music, school, EDITOR, true), Status.FORBIDDEN);
		assertThat(availability.forPerson(ming, school)).isEmpty();
	}

	@Test
	void anAppTheOperatorHasNotAllowedCannotBeGivenByTheAdminOrATeacher() {
		assertRefused(() -> availability.giveToEveryClass(admin, school, EDITOR, true), Status.FORBIDDEN);
		assertRefused(() -> availability.assign(music, musicClass, EDITOR, true), Status.FORBIDDEN);
		assertRefused(() -> availability.allow(admin, school, EDITOR, true), Status.FORBIDDEN);
		assertRefused(() -> availability.allow(operator, school, "mscore3-not-a-real-app", true), Status.NOT_FOUND);

		assertThat(availability.forPerson(ming, school)).isEmpty();
		assertThat(availability.ofSchool(admin, school)).isEmpty();
	}

	@Test
	void withdrawingAnAppFromTheSchoolTakesItFromItsClasses() {
		availability.allow(operator, school, EDITOR, true);
		availability.assign(music, musicClass, EDITOR, true);

		availability.allow(operator, school, EDITOR, false);

		assertThat(availability.forPerson(ming, school)).isEmpty();
		availability.allow(operator, school, EDITOR, true);
		assertThat(availability.forPerson(ming, school)).isEmpty();
	}

	@Test
	void anAppNotInstalledCannotBeAllowed() {
		var notInstalled = catalog.all().stream().filter(app -> !app.installed()).findFirst().orElseThrow().id();

		assertRefused(() -> availability.allow(operator, school, notInstalled, true), Status.CONFLICT);
	}

	@Test
	void theAdminApprovesARequestForAnOfferedAppAndItReachesTheClassAtOnce() {
		availability.allow(operator, school, EDITOR, true);
		var request = requests.request(music, musicClass, EDITOR, "Lyrics for the music lesson");

		var decided = requests.decide(admin, request.id(), true, "Of course");

		assertThat(decided.state()).isEqualTo(AppRequest.State.APPROVED);
		assertThat(decided.decidedBy()).isEqualTo(admin.id());
		assertThat(decided.decidedAt()).isNotNull();
		assertThat(availability.forPerson(ming, school)).extracting(App::id).containsExactly(EDITOR);
		assertThat(requests.mine(music)).singleElement().satisfies(mine -> {
			assertThat(mine.state()).isEqualTo(AppRequest.State.APPROVED);
			assertThat(mine.reason()).isEqualTo("Lyrics for the music lesson");
			assertThat(mine.decisionNote()).isEqualTo("Of course");
		});
		assertRefused(() -> requests.decide(admin, request.id(), false, null), Status.CONFLICT);
	}

	@Test
	void onlyTheOperatorDecidesOnAnAppTheSchoolMayNotOfferAndApprovingAllowsIt() {
		var request = requests.request(music, musicClass, TERMINAL, "We learn the command line");

		assertRefused(() -> requests.decide(admin, request.id(), true, null), Status.FORBIDDEN);
		assertRefused(() -> requests.decide(otherAdmin, request.id(), true, null), Status.NOT_FOUND);
		assertThat(requests.forOperator(operator)).extracting(AppRequest::id).contains(request.id());

		requests.decide(operator, request.id(), true, null);

		assertThat(availability.ofSchool(admin, school)).extracting(offer -> offer.app().id())
			.containsExactly(TERMINAL);
		assertThat(availability.forPerson(ming, school)).extracting(App::id).containsExactly(TERMINAL);
		assertThat(availability.forPerson(hong, school)).isEmpty();
		assertThat(requests.ofSchool(admin, school)).singleElement().extracting(AppRequest::state)
			.isEqualTo(AppRequest.State.APPROVED);
	}

	@Test
	void aRefusedRequestIsKeptWithItsReasonAndChangesNothing() {
		var request = requests.request(art, artClass, EDITOR, "Poems");

		requests.decide(operator, request.id(), false, "Use the writer");

		assertThat(availability.forPerson(hong, school)).isEmpty();
		assertThat(requests.mine(art)).singleElement().satisfies(mine -> {
			assertThat(mine.state()).isEqualTo(AppRequest.State.REFUSED);
			assertThat(mine.decisionNote()).isEqualTo("Use the writer");
		});
		assertRefused(() -> requests.request(art, artClass, EDITOR, "  "), Status.UNPROCESSABLE);
		assertRefused(() -> requests.request(art, musicClass, EDITOR, "not mine"), Status.FORBIDDEN);
		assertRefused(() -> requests.ofSchool(art, school), Status.FORBIDDEN);
	}

	@Test
	void theTeacherIsToldOfEachDecisionOnceWithTheClassAndTheNote() {
		availability.allow(operator, school, EDITOR, true);
		var approved = requests.request(music, musicClass, EDITOR, "Lyrics");
		var refused = requests.request(music, musicClass, TERMINAL, "Shell");
		assertThat(requests.takeUnseenDecisions(music, Locale.ENGLISH)).isEmpty();

		requests.decide(admin, approved.id(), true, null);
		requests.decide(operator, refused.id(), false, "Not for grade 5");

		var told = requests.takeUnseenDecisions(music, Locale.ENGLISH);
		assertThat(told).extracting(DecisionNotice::requestId).containsExactlyInAnyOrder(approved.id(), refused.id());
		assertThat(told).filteredOn(DecisionNotice::approved).singleElement().satisfies(notice -> {
			assertThat(notice.className()).isEqualTo("五年级一班");
			assertThat(notice.app()).isEqualTo(catalog.find(EDITOR).orElseThrow().name());
		});
		assertThat(told).filteredOn(notice -> !notice.approved()).singleElement()
			.extracting(DecisionNotice::note).isEqualTo("Not for grade 5");
		assertThat(requests.takeUnseenDecisions(music, Locale.ENGLISH)).isEmpty();
		assertThat(requests.takeUnseenDecisions(art, Locale.ENGLISH)).isEmpty();
	}

	private CloudroomUser user(String username) {
		var person = people.findByUsername(username).orElseThrow();
		return new CloudroomUser(person.id(), person.schoolId(), person.username(), person.role());
	}

	private static void assertRefused(Runnable action, Status status) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(Refused.class,
				refused -> assertThat(refused.status()).isEqualTo(status));
	}
}
