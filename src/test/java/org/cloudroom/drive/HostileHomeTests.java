package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.nio.file.attribute.PosixFilePermissions;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
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
 * A student with a terminal turns their home against the server, which runs as root: links to the shadow file and
 * into another person's home, FIFOs where files are read, folders swapped for links while the server looks. The
 * server neither shows nor reads anything outside the home, nor waits forever. (Hangs end the test after a minute,
 * which no correct run comes near.)
 */
@SpringBootTest
class HostileHomeTests {

	private static final Duration HANG = Duration.ofMinutes(1);

	@Autowired
	Drive drive;

	@Autowired
	HomeStorage storage;

	@Autowired
	Quotas quotas;

	@Autowired
	JdbcClient jdbc;

	CloudroomUser student;
	CloudroomUser other;
	StudentDesktop desktop;
	final List<Process> attackers = new ArrayList<>();

	@BeforeEach
	void aStudentWithADesktopAndAnotherPerson() throws Exception {
		student = new CloudroomUser(PersonId.random(), SchoolId.random(), "s", Role.STUDENT);
		other = new CloudroomUser(PersonId.random(), SchoolId.random(), "o", Role.STUDENT);
		drive.upload(other, "diary.txt", 14, new ByteArrayInputStream("other's diary!".getBytes(UTF_8)));
		desktop = StudentDesktop.of(student.id(), storage.home(student.id()), jdbc);
	}

	@AfterEach
	void stopTheAttackers() {
		attackers.forEach(Process::destroyForcibly);
	}

	@Test
	void linksToTheShadowFileAndAnotherHomeShowAndGiveNothing() throws Exception {
		desktop.run("mkdir work && echo mine > work/essay.txt && ln -s /etc/shadow work/shadow.txt"
				+ " && ln -s " + storage.home(other.id()) + " work/other && ln -s /etc work/etc"
				+ " && ln -s " + storage.home(other.id()).resolve("diary.txt") + " diary.txt");

		assertThat(drive.list(student, "work")).extracting(Entry::name).containsExactly("essay.txt");
		assertThat(drive.search(student, "diary")).isEmpty();
		assertThat(drive.search(student, "shadow")).isEmpty();
		assertRefused(() -> drive.file(student, "work/shadow.txt"), Status.FORBIDDEN);
		assertRefused(() -> drive.file(student, "diary.txt"), Status.FORBIDDEN);
		assertRefused(() -> drive.file(student, "work/other/diary.txt"), Status.FORBIDDEN);
		assertThat(zip("work")).contains("essay.txt").doesNotContain("shadow", "root:", "diary", "other's");
		assertThat(zip("")).contains("work/essay.txt").doesNotContain("root:", "other's");
	}

	@Test
	void aFileSwappedForAFifoAfterItWasFoundIsRefusedAtOnce() throws Exception {
		desktop.run("echo 'my essay' > essay.txt");
		var found = drive.file(student, "essay.txt");

		desktop.run("rm essay.txt && mkfifo essay.txt");

		assertTimeoutPreemptively(HANG, () -> assertRefused(() -> found.getInputStream().close(),
				Status.BAD_REQUEST));
		assertTimeoutPreemptively(HANG, () -> assertRefused(found::contentLength, Status.BAD_REQUEST));
	}

	@Test
	void fifosAndSocketsAreNeitherListedNorReadNorZipped() throws Exception {
		desktop.run("mkdir work && echo mine > work/essay.txt && mkfifo work/pipe.txt"
				+ " && perl -MIO::Socket::UNIX -e 'IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => \"work/socket.txt\", Listen => 1)'");

		assertThat(drive.list(student, "work")).extracting(Entry::name).containsExactly("essay.txt");
		assertTimeoutPreemptively(HANG, () -> assertRefused(() -> drive.file(student, "work/pipe.txt")
			.getInputStream().close(), Status.BAD_REQUEST));
		assertTimeoutPreemptively(HANG, () -> assertRefused(() -> drive.file(student, "work/socket.txt")
			.getInputStream().close(), Status.BAD_REQUEST));
		assertThat(assertTimeoutPreemptively(HANG, () -> zip("work"))).contains("essay.txt").doesNotContain("pipe",
				"socket");
	}

	@Test
	void aFileSwappedForAFifoWhileItsFolderIsZippedIsLeftOutAndTheZipEnds() throws Exception {
		desktop.run("mkdir work && echo mine > work/essay.txt && mkfifo work/fifo");
		attackers.add(desktop.swapping("work/essay.txt", "work/essay.real", "work/fifo", "work/essay.txt",
				"work/essay.txt", "work/fifo", "work/essay.real", "work/essay.txt"));

		assertTimeoutPreemptively(HANG, () -> {
			for (int i = 0; i < 300; i++) {
				zip("work");
			}
		});
	}

	@Test
	void aFolderSwappedForALinkWhileItIsListedNeverShowsWhatIsOutside() throws Exception {
		desktop.run("mkdir work && echo mine > work/essay.txt && ln -s /etc work.link");
		attackers.add(desktop.swapping("work", "work.dir", "work.link", "work", "work", "work.link", "work.dir",
				"work"));

		var seen = new ArrayList<String>();
		for (int i = 0; i < 300; i++) {
			try {
				drive.list(student, "work").forEach(entry -> seen.add(entry.name()));
				drive.search(student, "sha").forEach(entry -> seen.add(entry.name()));
			}
			catch (Refused swappedOrGone) {
				// the link, or nothing, was there at that moment
			}
		}
		assertThat(seen).containsOnly("essay.txt");
	}

	@Test
	void aLinkNamedLikeAnUploadLendsItNoRoom() throws Exception {
		quotas.set(student.id(), student.school(), 1_000_000L);
		desktop.run("head -c 900000 /dev/zero > big.data && ln -s big.data big.bin");
		drive.measure(student.id());

		assertRefused(() -> drive.upload(student, "big.bin", 900_000, new ByteArrayInputStream(new byte[900_000])),
				Status.TOO_LARGE);
		assertThat(Files.isSymbolicLink(desktop.home().resolve("big.bin"))).isTrue();
		assertThat(drive.measure(student.id())).isEqualTo(900_000);
	}

	@Test
	void sealingAHandInFolderChangesOnlyTheStudentsOwnFilesAndNeverWaits() throws Exception {
		var folder = Files.createDirectories(storage.classRoot(new ClassId(UUID.randomUUID())).resolve("hand-in")
			.resolve(student.id().toString()).resolve("Poem"));
		StudentDesktop.give(folder, desktop.uid());
		var shadow = Files.readAttributes(Path.of("/etc/shadow"), "unix:mode,uid,gid");
		desktop.run("cd " + folder + " && echo poem > poem.txt && mkdir drafts && echo draft > drafts/1.txt"
				+ " && mkfifo pipe && ln -s /etc/shadow shadow && ln -s /etc etc");

		assertTimeoutPreemptively(HANG, () -> Seals.seal(folder, OptionalInt.of(desktop.uid())));

		for (var sealed : List.of(folder.resolve("poem.txt"), folder.resolve("drafts/1.txt"))) {
			assertThat(Files.getAttribute(sealed, "unix:uid")).isEqualTo(0);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sealed))).isEqualTo("r--r--r--");
		}
		assertThat(Files.getAttribute(folder.resolve("drafts"), "unix:uid")).isEqualTo(0);
		assertThat(Files.readAttributes(Path.of("/etc/shadow"), "unix:mode,uid,gid")).isEqualTo(shadow);
		assertThat(desktop.start("echo more >> " + folder.resolve("poem.txt")).waitFor()).isNotZero();
		assertThat(desktop.start("touch " + folder.resolve("drafts/new.txt")).waitFor()).isNotZero();
	}

	@Test
	void aHardLinkToAFileOfRootsIsNeitherReadNorZipped() throws Exception {
		// what a desktop can make on a host that lets anyone link to files they do not own (fs.protected_hardlinks=0)
		var secret = Files.writeString(storage.home(student.id()).getParent().resolveSibling("root-secret.txt"),
				"root:secret");
		desktop.run("mkdir work && echo mine > work/essay.txt");
		Files.createLink(desktop.home().resolve("work/secret.txt"), secret);

		assertRefused(() -> drive.file(student, "work/secret.txt").getInputStream().close(), Status.FORBIDDEN);
		assertThat(zip("work")).contains("essay.txt").doesNotContain("root:secret");
	}

	private String zip(String folder) throws IOException {
		var out = new ByteArrayOutputStream();
		Zips.write(drive.folder(student, folder), out);
		return out.toString(ISO_8859_1);
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Status status) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Refused.class,
				refused -> assertThat(refused.status()).isEqualTo(status));
	}
}
