package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.Role;
import org.cloudroom.drive.spi.HomeStorage;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quota of a home that a desktop writes to, on a filesystem without project quotas (like this machine's root):
 * what the desktop saved is measured when it next starts, and a home over its quota does not start.
 */
@SpringBootTest
class HomeQuotaTests {

	@Autowired
	DriveSpace space;

	@Autowired
	Drive drive;

	@Autowired
	Quotas quotas;

	@Autowired
	HomeStorage storage;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	CloudroomUser student;
	StudentDesktop desktop;

	@BeforeEach
	void aStudentWithATenMegabyteQuotaAndADesktop() throws Exception {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var school = program.open("Quota " + tag, 5, "qadmin-" + tag, "Hong", "Lin").school().id();
		peopleImport.importFile(school, new ByteArrayInputStream(
				"username,given_name,family_name,role\nq-%s,Ming,Wang,student\n".formatted(tag).getBytes(UTF_8)), false);
		var person = people.findByUsername("q-" + tag).orElseThrow();
		student = new CloudroomUser(person.id(), school, person.username(), Role.STUDENT);
		quotas.set(student.id(), school, 10L * 1024 * 1024);
		desktop = StudentDesktop.of(student.id(), storage.home(student.id()), jdbc);
	}

	@Test
	void withoutProjectQuotasAHomeFilledFromTheDesktopIsCountedAtTheNextStartAndDoesNotStart() throws Exception {
		space.requireWithinQuota(student.id(), Role.STUDENT);

		desktop.run("head -c 20000000 /dev/zero > film.mp4");

		assertThatThrownBy(() -> space.requireWithinQuota(student.id(), Role.STUDENT)).isInstanceOfSatisfying(
				Refused.class, refused -> {
					assertThat(refused.status()).isEqualTo(Status.INSUFFICIENT_STORAGE);
					assertThat(refused.messageKey()).isEqualTo("drive.quota.full-at-start");
				});
		var usage = drive.space(student.id(), Role.STUDENT);
		assertThat(usage.usedBytes()).isEqualTo(20_000_000);
		assertThat(usage.full()).isTrue();
	}
}
