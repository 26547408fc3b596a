package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.Test;

class OneRosterBundleTests {

	private static final int LIMIT = 1024 * 1024;

	private static final String MANIFEST = """
			propertyName,value
			manifest.version,1.0
			oneroster.version,1.1
			file.users,bulk
			file.classes,bulk
			file.enrollments,bulk
			""";

	private static final String USERS = """
			sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
			u1,active,2024-09-01T00:00:00Z,true,org1,student,wangxm,,小明,王,,S001,,,,g1,05,
			u2,active,2024-09-01T00:00:00Z,true,org1,teacher,zhoumei,,梅,周,,T001,zhou@example.org,,,,,
			u3,active,2024-09-01T00:00:00Z,true,org1,student,lilei,,雷,李,,S002,,,,"g2,g3",05,secret99
			g1,active,2024-09-01T00:00:00Z,true,org1,guardian,wangdad,,大明,王,,,,,,u1,,
			g2,active,2024-09-01T00:00:00Z,true,org1,parent,limum,,芳,李,,,,,,u3,,
			""";

	private static final String CLASSES = """
			sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
			c1,active,2024-09-01T00:00:00Z,Grade 5 Class 2,05,k1,G5C2,homeroom,Room 201,org1,"t1,t2",,,
			c2,active,2024-09-01T00:00:00Z,"Maths, Grade 5",05,k2,M5,scheduled,Room 105,org1,t1,Maths,,1
			""";

	private static final String ENROLLMENTS = """
			sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
			e1,active,2024-09-01T00:00:00Z,c1,org1,u1,student,false,2024-09-01,2025-07-01
			e2,active,2024-09-01T00:00:00Z,c2,org1,u1,student,false,2024-09-01,2025-07-01
			e3,active,2024-09-01T00:00:00Z,c1,org1,u2,teacher,true,2024-09-01,2025-07-01
			e4,active,2024-09-01T00:00:00Z,c1,org1,u3,student,false,2024-09-01,2025-07-01
			""";

	@Test
	void readsStudentsAndTeachersWithTheirClasses() {
		var content = OneRosterBundle.read(bundle(files()), LIMIT);

		assertThat(content.rows())
			.extracting(RosterRow::username, RosterRow::familyName, RosterRow::givenName, RosterRow::role,
					RosterRow::classes)
			.containsExactly(tuple("wangxm", "王", "小明", "student", List.of("Grade 5 Class 2", "Maths, Grade 5")),
					tuple("zhoumei", "周", "梅", "teacher", List.of("Grade 5 Class 2")),
					tuple("lilei", "李", "雷", "student", List.of("Grade 5 Class 2")));
		assertThat(content.rows()).extracting(RosterRow::file, RosterRow::row)
			.containsExactly(tuple("users.csv", 2), tuple("users.csv", 3), tuple("users.csv", 4));
		assertThat(content.rows()).extracting(RosterRow::password).containsExactly(null, null, "secret99");
	}

	@Test
	void skipsAndCountsGuardiansAndParents() {
		var content = OneRosterBundle.read(bundle(files()), LIMIT);

		assertThat(content.skipped()).isEqualTo(2);
		assertThat(content.rows()).extracting(RosterRow::username).doesNotContain("wangdad", "limum");
	}

	@Test
	void findsTheFilesInAFolderOfTheZip() {
		var inFolder = new LinkedHashMap<String, String>();
		files().forEach((name, text) -> inFolder.put("export-2024/" + name, text));

		assertThat(OneRosterBundle.read(bundle(inFolder), LIMIT).rows()).hasSize(3);
	}

	@Test
	void refusesAnEnrollmentInAClassThatIsNotInClassesCsv() {
		var files = files();
		files.put("enrollments.csv", ENROLLMENTS + "e5,active,2024-09-01T00:00:00Z,c9,org1,u3,student,false,,\n");

		var refused = refusal(bundle(files));

		assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE);
		assertThat(refused.problems()).extracting(FieldProblem::file, FieldProblem::row, FieldProblem::message)
			.containsExactly(tuple("enrollments.csv", 6, "oneroster.class-unknown"));
		assertThat(refused.problems().getFirst().args()).containsExactly("c9");
	}

	@Test
	void refusesAnEnrollmentOfAUserThatIsNotInUsersCsv() {
		var files = files();
		files.put("enrollments.csv", ENROLLMENTS + "e5,active,2024-09-01T00:00:00Z,c1,org1,u9,student,false,,\n");

		assertThat(refusal(bundle(files)).problems())
			.extracting(FieldProblem::file, FieldProblem::row, FieldProblem::message)
			.containsExactly(tuple("enrollments.csv", 6, "oneroster.user-unknown"));
	}

	@Test
	void namesTheMissingFile() {
		var files = files();
		files.remove("enrollments.csv");

		var refused = refusal(bundle(files));

		assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE);
		assertThat(refused.problems()).extracting(FieldProblem::file, FieldProblem::message)
			.containsExactly(tuple("enrollments.csv", "oneroster.file-missing"));
	}

	@Test
	void refusesSomethingThatIsNotAZip() {
		var refused = refusal("username,given_name\nwang,Ming\n".getBytes(UTF_8));

		assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE);
		assertThat(refused.messageKey()).isEqualTo("oneroster.not-a-bundle");
	}

	@Test
	void refusesAZipBombWithoutUnpackingIt() {
		var files = files();
		var bomb = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bomb)) {
			for (var file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(UTF_8));
				if (file.getKey().equals("users.csv")) {
					var zeros = new byte[1024 * 1024];
					for (int i = 0; i < 64; i++) {
						zip.write(zeros);
					}
				}
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		assertThat(bomb.size()).as("the bomb is small packed").isLessThan(LIMIT);

		var refused = refusal(bomb.toByteArray());

		assertThat(refused.status()).isEqualTo(Status.TOO_LARGE);
		assertThat(refused.messageKey()).isEqualTo("import.too-large");
	}

	private static Map<String, String> files() {
		var files = new LinkedHashMap<String, String>();
		files.put("manifest.csv", MANIFEST);
		files.put("users.csv", USERS);
		files.put("classes.csv", CLASSES);
		files.put("enrollments.csv", ENROLLMENTS);
		return files;
	}

	static byte[] bundle(Map<String, String> files) {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			for (var file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static Refused refusal(byte[] zip) {
		var refused = catchThrowableOfType(Refused.class, () -> OneRosterBundle.read(zip, LIMIT));
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}
}
