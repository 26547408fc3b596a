package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.Role;
import org.cloudroom.drive.spi.HomeStorage;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The kernel holds a running desktop to its home's quota: the data folder lies on a small ext4 made with project
 * quotas and mounted with {@code prjquota}, and a process under the student's uid, as in their desktop, writes 50 MB
 * into a home with a 10 MB quota and into a hand-in folder. This needs a kernel with CONFIG_QUOTA and CONFIG_QFMT_V2
 * (Debian's and Ubuntu's have them); it says so and fails where the image cannot be mounted. This project's machines'
 * kernel has none, so the build runs it in a guest under Debian's kernel ({@code DebianKernelTests}), not here.
 */
@org.junit.jupiter.api.Tag("debian-kernel")
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:home_quota_kernel;DB_CLOSE_DELAY=-1",
		"cloudroom.data=target/quota-fs/data" })
class HomeQuotaKernelTests {

	private static final Path MOUNT = Path.of("target/quota-fs").toAbsolutePath();
	private static final Path IMAGE = Path.of("target/quota-fs.img").toAbsolutePath();
	private static final long QUOTA = 10L * 1024 * 1024;

	@Autowired
	DriveSpace space;

	@Autowired
	Drive drive;

	@Autowired
	Quotas quotas;

	@Autowired
	HomeStorage storage;

	@Autowired
	HandIns handIns;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void aDataFolderOnExt4WithProjectQuotas() throws Exception {
		Files.createDirectories(MOUNT);
		Files.deleteIfExists(IMAGE);
		run("truncate", "-s", "256M", IMAGE.toString());
		run("mkfs.ext4", "-q", "-F", "-O", "quota,project", IMAGE.toString());
		var mounted = new ProcessBuilder("mount", "-o", "loop,prjquota", IMAGE.toString(), MOUNT.toString())
			.redirectErrorStream(true).start();
		var said = new String(mounted.getInputStream().readAllBytes(), UTF_8);
		assertThat(mounted.waitFor()).as("mounting an ext4 image with project quotas (this kernel may lack "
				+ "CONFIG_QFMT_V2; see dmesg): " + said).isZero();
		Files.createDirectories(MOUNT.resolve("data"));
	}

	@AfterEach
	void unmount() throws Exception {
		if (new ProcessBuilder("umount", MOUNT.toString()).start().waitFor() != 0) {
			new ProcessBuilder("umount", "-l", MOUNT.toString()).start().waitFor();
		}
		Files.deleteIfExists(IMAGE);
	}

	@Test
	void aDesktopCannotWritePastItsQuotaIntoItsHomeNorItsHandInFolder() throws Exception {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var school = program.open("Kernel " + tag, 5, "kadmin-" + tag, "Hong", "Lin").school().id();
		peopleImport.importFile(school, new ByteArrayInputStream("""
				username,given_name,family_name,role,class
				kt-%1$s,Mei,Zhou,teacher,Grade 5
				ks-%1$s,Ming,Wang,student,Grade 5
				""".formatted(tag).getBytes(UTF_8)), false);
		var teacher = user("kt-" + tag, Role.TEACHER);
		var student = user("ks-" + tag, Role.STUDENT);
		var grade5 = classes.findByName(school, "Grade 5").orElseThrow().id();
		handIns.open(teacher, grade5, "Poem", OffsetDateTime.now().plusDays(1));
		quotas.set(student.id(), school, QUOTA);
		var desktop = StudentDesktop.of(student.id(), storage.home(student.id()), jdbc);
		space.requireWithinQuota(student.id(), Role.STUDENT);

		assertThat(write(desktop, "film.mp4")).contains("Disk quota exceeded");
		assertThat(Files.size(desktop.home().resolve("film.mp4"))).isBetween(QUOTA - 1024 * 1024, QUOTA);
		var used = drive.space(student.id(), Role.STUDENT);
		assertThat(used.usedBytes()).isBetween(QUOTA - 1024 * 1024, QUOTA);
		assertThat(used.full()).isTrue();
		assertThatThrownBy(() -> drive.upload(student, "essay.txt", 1_000_000,
				new ByteArrayInputStream(new byte[1_000_000]))).isInstanceOfSatisfying(Refused.class,
						refused -> assertThat(refused.status()).isEqualTo(Status.TOO_LARGE));

		desktop.run("rm film.mp4");
		var handIn = storage.classRoot(grade5).resolve("hand-in").resolve(student.id().toString()).resolve("Poem");
		assertThat(write(desktop, handIn.resolve("film.mp4").toString())).contains("Disk quota exceeded");
		assertThat(Files.size(handIn.resolve("film.mp4"))).isBetween(QUOTA - 1024 * 1024, QUOTA);
		assertThat(drive.space(student.id(), Role.STUDENT).usedBytes()).isBetween(QUOTA - 1024 * 1024, QUOTA);
	}

	@Test
	void aTeachersClassMaterialsCountForTheClassEvenWhenTheyCameFromTheTeachersHome() throws Exception {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var school = program.open("Kernel " + tag, 5, "kadmin-" + tag, "Hong", "Lin").school().id();
		peopleImport.importFile(school, new ByteArrayInputStream("""
				username,given_name,family_name,role,class
				kt-%1$s,Mei,Zhou,teacher,Grade 5
				""".formatted(tag).getBytes(UTF_8)), false);
		var teacher = user("kt-" + tag, Role.TEACHER);
		quotas.set(teacher.id(), school, QUOTA);
		StudentDesktop.of(teacher.id(), storage.home(teacher.id()), jdbc);
		space.requireWithinQuota(teacher.id(), Role.TEACHER);
		var materials = "Classes/Grade 5/Materials/";

		drive.upload(teacher, "lesson.pdf", 3_000_000, new ByteArrayInputStream(new byte[3_000_000]));
		drive.upload(teacher, materials + "sheet.pdf", 4_000_000, new ByteArrayInputStream(new byte[4_000_000]));
		drive.move(teacher, "lesson.pdf", materials + "lesson.pdf");
		assertThat(drive.space(teacher.id(), Role.TEACHER).usedBytes()).isLessThan(100_000);
		var deleted = drive.delete(teacher, materials + "sheet.pdf");
		assertThat(drive.space(teacher.id(), Role.TEACHER).usedBytes()).isBetween(4_000_000L, 4_100_000L);
		drive.restore(teacher, deleted.id());
		drive.move(teacher, materials + "lesson.pdf", "lesson.pdf");

		assertThat(drive.space(teacher.id(), Role.TEACHER).usedBytes()).isBetween(3_000_000L, 3_100_000L);
		assertThat(drive.list(teacher, materials)).extracting(Entry::name).containsExactly("sheet.pdf");
	}

	/** Writes 50 MB as the student and says what the writing program said. */
	private static String write(StudentDesktop desktop, String file) throws Exception {
		var writing = desktop.start("head -c 52428800 /dev/zero > '" + file + "'");
		var said = new String(writing.getInputStream().readAllBytes(), UTF_8);
		assertThat(writing.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(writing.exitValue()).as(said).isNotZero();
		return said;
	}

	private CloudroomUser user(String username, Role role) {
		var person = people.findByUsername(username).orElseThrow();
		return new CloudroomUser(person.id(), person.schoolId(), person.username(), role);
	}

	private static void run(String... command) throws IOException, InterruptedException {
		var process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
		var said = new String(process.getInputStream().readAllBytes(), UTF_8);
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + said).isZero();
	}
}
