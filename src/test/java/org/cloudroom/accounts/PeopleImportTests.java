package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class PeopleImportTests {

	private static final LoginSource SCHOOL = LoginSource.of("192.0.2.1");

	private static final String HEADER = "username,given_name,family_name,role,class,password\n";

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	Schools schools;

	@Autowired
	Classes classes;

	@Autowired
	People people;

	@Autowired
	Roster roster;

	@Autowired
	PasswordLogin login;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void importsAClassOfThirtyStudentsWhoCanLogInWithTheirInitialPasswords() throws IOException {
		var school = school(100);
		var csv = new StringBuilder(HEADER);
		for (int i = 1; i <= 30; i++) {
			csv.append("s%02d-%s,小明%d,王,student,Grade 5 Class 2,\n".formatted(i, suffix, i));
		}

		var result = importCsv(school, csv.toString());

		assertThat(result.created()).isEqualTo(30);
		assertThat(people.ofSchool(school)).hasSize(30);
		assertThat(classes.ofSchool(school)).extracting(SchoolClass::name, SchoolClass::students)
			.containsExactly(tuple("Grade 5 Class 2", 30));
		assertThat(result.people()).extracting(Credential::initialPassword).doesNotHaveDuplicates()
			.allMatch(password -> password.length() == 8);
		assertThat(result.people().getFirst().displayName()).isEqualTo("王小明1");
		for (var credential : result.people()) {
			var user = login.check(credential.username(), credential.initialPassword(), SCHOOL);
			assertThat(user.school()).isEqualTo(school);
			assertThat(user.role()).isEqualTo(Role.STUDENT);
		}
	}

	@Test
	void createsNobodyWhenOneRowIsBadAndReportsEveryProblem() {
		var school = school(100);
		var before = people.count();
		var csv = HEADER + "a-" + suffix + ",Ann,Lee,student,New Class,\n"
				+ "b-" + suffix + ",Bo,Li,janitor,New Class,\n"
				+ "c-" + suffix + ",Cai,Wu,student,New Class,\n"
				+ "d-" + suffix + ",,Zhao,teacher,New Class,\n"
				+ "e-" + suffix + ",Eve,Sun,student,New Class,abc\n";

		var refused = refusal(school, csv);

		assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE);
		assertThat(refused.messageKey()).isEqualTo("import.refused");
		assertThat(refused.problems()).extracting(FieldProblem::row, FieldProblem::column, FieldProblem::message)
			.containsExactly(tuple(3, "role", "import.role-unknown"), tuple(5, "given_name", "import.required"),
					tuple(6, "password", "import.password-length"));
		assertThat(people.count()).isEqualTo(before);
		assertThat(people.ofSchool(school)).isEmpty();
		assertThat(classes.ofSchool(school)).isEmpty();
	}

	@Test
	void refusesAUsernameRepeatedInTheFileNamingItsFirstRow() {
		var school = school(100);
		var csv = HEADER + "wang-" + suffix + ",Ming,Wang,student,,\n"
				+ "li-" + suffix + ",Lei,Li,student,,\n"
				+ "WANG-" + suffix + ",Ming,Wang,student,,\n";

		var problem = refusal(school, csv).problems().getFirst();

		assertThat(problem.row()).isEqualTo(4);
		assertThat(problem.column()).isEqualTo("username");
		assertThat(problem.message()).isEqualTo("import.username-repeated");
		assertThat(problem.args()).containsExactly("wang-" + suffix, 2);
		assertThat(people.ofSchool(school)).isEmpty();
	}

	@Test
	void refusesAUsernameAnotherSchoolAlreadyHas() throws IOException {
		importCsv(school(100), HEADER + "wang-" + suffix + ",Ming,Wang,student,,\n");
		var school = school(100);

		var refused = refusal(school, HEADER + "li-" + suffix + ",Lei,Li,student,,\n"
				+ " Wang-" + suffix + " ,Ming,Wang,student,,\n");

		assertThat(refused.problems()).extracting(FieldProblem::row, FieldProblem::column, FieldProblem::message)
			.containsExactly(tuple(3, "username", "import.username-unavailable"));
		assertThat(people.ofSchool(school)).isEmpty();
	}

	@Test
	void refusesImportWhenQuotaExceeded() {
		var school = school(5);

		var refused = refusal(school, students(6));

		assertThat(refused.problems()).extracting(FieldProblem::row, FieldProblem::message)
			.containsExactly(tuple(7, "import.over-quota"));
		assertThat(refused.problems().getFirst().args()).containsExactly(5, 5, 6);
		assertThat(people.ofSchool(school)).isEmpty();
	}

	@Test
	void refusesAFileOfSeventyThousandOverTheQuotaWithTheQuotaProblem() {
		var school = school(5);

		var refused = refusal(school, students(70_000));

		assertThat(refused.problems()).extracting(FieldProblem::row, FieldProblem::message)
			.containsExactly(tuple(7, "import.over-quota"));
	}

	@Test
	void importsUpToTheQuotaExactly() throws IOException {
		var school = school(5);

		assertThat(importCsv(school, students(5)).created()).isEqualTo(5);
		assertThat(schools.find(school).orElseThrow().accountsLeft()).isZero();
	}

	@Test
	void refusesAnUnknownRoleNamingIt() {
		var refused = refusal(school(100), HEADER + "x-" + suffix + ",Xi,Wu,principal,,\n");

		assertThat(refused.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.column()).isEqualTo("role");
			assertThat(problem.message()).isEqualTo("import.role-unknown");
			assertThat(problem.args()).containsExactly("principal");
		});
	}

	@Test
	void createsTheClassesTheSchoolDoesNotHaveYet() throws IOException {
		var school = school(100);
		roster.addClass(school, "Grade 5 Class 2");
		var csv = HEADER + "t-" + suffix + ",Mei,Zhou,teacher,grade 5 class 2; Maths 5 ;Art,\n"
				+ "s-" + suffix + ",Ming,Wang,student,Grade 5 Class 2;Maths 5,\n";

		var result = importCsv(school, csv);

		assertThat(result.classesCreated()).containsExactly("Maths 5", "Art");
		assertThat(classes.ofSchool(school)).extracting(SchoolClass::name, SchoolClass::students)
			.containsExactlyInAnyOrder(tuple("Grade 5 Class 2", 1), tuple("Maths 5", 1), tuple("Art", 0));
		var teacher = people.findByUsername("t-" + suffix).orElseThrow();
		assertThat(classes.ofPerson(teacher.id())).hasSize(3);
	}

	@Test
	void keepsAPasswordTheSchoolChose() throws IOException {
		var result = importCsv(school(100), HEADER + "p-" + suffix + ",Ming,Wang,student,,chosen-pw\n");

		assertThat(result.people().getFirst().initialPassword()).isEqualTo("chosen-pw");
		assertThat(login.check("p-" + suffix, "chosen-pw", SCHOOL).username()).isEqualTo("p-" + suffix);
	}

	@Test
	void importsAOneRosterBundleWithItsClasses() throws IOException {
		var school = school(100);
		var files = new LinkedHashMap<String, String>();
		files.put("manifest.csv", "propertyName,value\noneroster.version,1.1\n");
		files.put("users.csv", """
				sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
				u1,active,2024-09-01T00:00:00Z,true,org1,student,or1-%1$s,,小明,王,,,,,,,05,
				u2,active,2024-09-01T00:00:00Z,true,org1,guardian,or2-%1$s,,大明,王,,,,,,u1,,
				""".formatted(suffix));
		files.put("classes.csv", """
				sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
				c1,active,2024-09-01T00:00:00Z,Grade 5 Class 2,05,k1,G5C2,homeroom,,org1,t1,,,
				""");
		files.put("enrollments.csv", """
				sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
				e1,active,2024-09-01T00:00:00Z,c1,org1,u1,student,false,,
				""");

		var result = peopleImport.importFile(school, new ByteArrayInputStream(OneRosterBundleTests.bundle(files)),
				false);

		assertThat(result.people()).extracting(Credential::username, Credential::className)
			.containsExactly(tuple("or1-" + suffix, "Grade 5 Class 2"));
		assertThat(people.findByUsername("or2-" + suffix)).isEmpty();
	}

	@Test
	void refusesAFileOverTheSizeLimit() {
		var tooLarge = new byte[5 * 1024 * 1024 + 1];

		var refused = catchThrowableOfType(Refused.class,
				() -> peopleImport.importFile(school(100), new ByteArrayInputStream(tooLarge), false));

		assertThat(refused.status()).isEqualTo(Status.TOO_LARGE);
	}

	private SchoolId school(int quota) {
		return schools.insert("School " + UUID.randomUUID(), quota).id();
	}

	private String students(int count) {
		var csv = new StringBuilder(HEADER);
		for (int i = 1; i <= count; i++) {
			csv.append("q%d-%s,Ming,Wang,student,,\n".formatted(i, suffix));
		}
		return csv.toString();
	}

	private ImportResult importCsv(SchoolId school, String csv) throws IOException {
		return peopleImport.importFile(school, new ByteArrayInputStream(csv.getBytes(UTF_8)), false);
	}

	private Refused refusal(SchoolId school, String csv) {
		var refused = catchThrowableOfType(Refused.class, () -> importCsv(school, csv));
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}
}
