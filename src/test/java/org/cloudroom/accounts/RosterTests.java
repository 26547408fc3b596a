package org.cloudroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class RosterTests {

	private static final LoginSource SCHOOL = LoginSource.of("192.0.2.1");

	@Autowired
	Roster roster;

	@Autowired
	Program program;

	@Autowired
	Schools schools;

	@Autowired
	Classes classes;

	@Autowired
	People people;

	@Autowired
	PasswordLogin login;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void opensASchoolWhoseAdminCanLogIn() {
		var opened = program.open("Hope Primary " + suffix, 50, "admin-" + suffix, "Hong", "Lin");

		assertThat(opened.school().accountsUsed()).isEqualTo(1);
		var admin = login.check("admin-" + suffix, opened.admin().initialPassword(), SCHOOL);
		assertThat(admin.role()).isEqualTo(Role.ADMIN);
		assertThat(admin.school()).isEqualTo(opened.school().id());
	}

	@Test
	void refusesASecondSchoolOfTheSameName() {
		program.open("Hope Primary " + suffix, 50, "a1-" + suffix, "Hong", "Lin");

		var refused = catchThrowableOfType(Refused.class,
				() -> program.open("HOPE PRIMARY " + suffix, 50, "a2-" + suffix, "Hong", "Lin"));

		assertThat(refused.problems()).extracting(FieldProblem::column, FieldProblem::message)
			.containsExactly(tuple("name", "school.exists"));
	}

	@Test
	void refusesASchoolWithoutAccounts() {
		var refused = catchThrowableOfType(Refused.class,
				() -> program.open("Empty School " + suffix, 0, "a-" + suffix, "Hong", "Lin"));

		assertThat(refused.problems()).extracting(FieldProblem::column, FieldProblem::message)
			.containsExactly(tuple("accountQuota", "school.quota-range"));
		assertThat(schools.nameTaken("Empty School " + suffix)).isFalse();
	}

	@Test
	void refusesASecondClassOfTheSameName() {
		var school = school();
		roster.addClass(school, "Grade 5 Class 2");

		var refused = catchThrowableOfType(Refused.class, () -> roster.addClass(school, " grade 5 class 2 "));

		assertThat(refused.status()).isEqualTo(Status.CONFLICT);
		assertThat(classes.ofSchool(school)).hasSize(1);
	}

	@Test
	void refusesAPersonInAClassTheSchoolDoesNotHave() {
		var school = school();

		var refused = catchThrowableOfType(Refused.class, () -> roster.add(school,
				List.of(row("wang-" + suffix, "Ming", "Wang", "student", "Grade 9")), false));

		assertThat(refused.problems()).extracting(FieldProblem::column, FieldProblem::message)
			.containsExactly(tuple("class", "import.class-unknown"));
		assertThat(classes.ofSchool(school)).isEmpty();
		assertThat(people.ofSchool(school)).isEmpty();
	}

	@Test
	void refusesUsernamesThatCannotBeTyped() {
		var refused = catchThrowableOfType(Refused.class, () -> roster.add(school(), List.of(
				row("王小明", "Ming", "Wang", "student"), row("-dash" + suffix, "Ming", "Wang", "student"),
				row("x", "Ming", "Wang", "student")), false));

		assertThat(refused.problems()).extracting(FieldProblem::message).containsOnly("import.username-invalid")
			.hasSize(3);
	}

	@Test
	void refusesNamesWithControlCharactersOrOverTheLimit() {
		var refused = catchThrowableOfType(Refused.class, () -> roster.add(school(),
				List.of(row("wang-" + suffix, "Ming\u0007", "W".repeat(101), "student")), false));

		assertThat(refused.problems()).extracting(FieldProblem::column, FieldProblem::message).containsExactly(
				tuple("given_name", "import.control-characters"), tuple("family_name", "import.too-long"));
	}

	@Test
	void storesUsernamesInLowerCase() {
		var school = school();

		roster.add(school, List.of(row(" Wang.Ming-" + suffix, "Ming", "Wang", "student")), false);

		assertThat(people.ofSchool(school)).extracting(Person::username).containsExactly("wang.ming-" + suffix);
	}

	@Test
	void onlyTheClassTeacherAdminOrOperatorRunAClass() {
		var school = school();
		var other = school();
		var grade5 = roster.addClass(school, "Grade 5");
		roster.addClass(school, "Grade 6");
		roster.add(school, List.of(row("t5-" + suffix, "Mei", "Zhou", "teacher", "Grade 5"),
				row("t6-" + suffix, "Li", "Hua", "teacher", "Grade 6"),
				row("s5-" + suffix, "Ming", "Wang", "student", "Grade 5")), false);

		assertThat(classes.requireTeacherOf(user("t5-" + suffix), grade5.id()).name()).isEqualTo("Grade 5");
		assertThat(catchThrowableOfType(Refused.class,
				() -> classes.requireTeacherOf(user("t6-" + suffix), grade5.id())).status())
			.isEqualTo(Status.FORBIDDEN);
		assertThat(catchThrowableOfType(Refused.class,
				() -> classes.requireTeacherOf(user("s5-" + suffix), grade5.id())).status())
			.isEqualTo(Status.FORBIDDEN);
		var adminElsewhere = new CloudroomUser(PersonId.random(), other, "a", Role.ADMIN);
		assertThat(catchThrowableOfType(Refused.class,
				() -> classes.requireTeacherOf(adminElsewhere, grade5.id())).status()).isEqualTo(Status.NOT_FOUND);
		var admin = new CloudroomUser(PersonId.random(), school, "a", Role.ADMIN);
		assertThat(classes.requireTeacherOf(admin, grade5.id()).id()).isEqualTo(grade5.id());
	}

	private CloudroomUser user(String username) {
		var person = people.findByUsername(username).orElseThrow();
		return new CloudroomUser(person.id(), person.schoolId(), username, person.role());
	}

	private SchoolId school() {
		return schools.insert("School " + UUID.randomUUID(), 100).id();
	}

	private static RosterRow row(String username, String givenName, String familyName, String role,
			String... classes) {
		return new RosterRow(null, 0, username, givenName, familyName, role, List.of(classes), null);
	}
}
