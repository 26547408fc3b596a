package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cloudroom.drive.DriveTesting.assertRefused;
import static org.cloudroom.drive.DriveTesting.bytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.drive.spi.HomeStorage;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The drive's rules, on a real home on disk. */
@SpringBootTest
@AutoConfigureMockMvc
class DriveTests {

	@Autowired
	Drive drive;

	@Autowired
	Quotas quotas;

	@Autowired
	HomeStorage storage;

	CloudroomUser student;

	Path home;

	@BeforeEach
	void aStudentWithAnEmptyDrive() throws IOException {
		student = new CloudroomUser(PersonId.random(), SchoolId.random(), "s", Role.STUDENT);
		home = storage.home(student.id());
	}

	@Test
	void storesListsAndReadsAFileWithAChineseName() throws IOException {
		var created = drive.upload(student, "作业/我的报告.txt", 9, bytes("你好！"));

		assertThat(created.replaced()).isFalse();
		assertThat(drive.list(student, "作业")).singleElement().satisfies(entry -> {
			assertThat(entry.name()).isEqualTo("我的报告.txt");
			assertThat(entry.path()).isEqualTo("作业/我的报告.txt");
			assertThat(entry.size()).isEqualTo(9);
		});
		assertThat(drive.file(student, "作业/我的报告.txt").getContentAsString(UTF_8)).isEqualTo("你好！");
		assertThat(drive.space(student.id(), student.role()).usedBytes()).isEqualTo(9);
	}

	@Test
	void replacingAFileCountsOnlyTheDifference() throws IOException {
		drive.upload(student, "a.txt", 10, bytes("0123456789"));

		assertThat(drive.upload(student, "a.txt", 3, bytes("abc")).replaced()).isTrue();

		assertThat(Files.readString(home.resolve("a.txt"))).isEqualTo("abc");
		assertThat(drive.space(student.id(), student.role()).usedBytes()).isEqualTo(3);
	}

	@Test
	void refusesAnUploadOverTheQuotaBeforeReadingIt() throws IOException {
		quotas.set(student.id(), student.school(), 100L);
		var body = new ByteArrayInputStream(new byte[101]);

		assertRefused(() -> drive.upload(student, "big.bin", 101, body), Status.TOO_LARGE, "drive.quota.exceeded");

		assertThat(body.available()).isEqualTo(101);
		assertNothingLeft();
	}

	@Test
	void refusesAnUploadThatGrowsOverTheQuotaWhileStreaming() throws IOException {
		quotas.set(student.id(), student.school(), 100_000L);
		drive.upload(student, "keep.txt", 4, bytes("keep"));

		assertRefused(() -> drive.upload(student, "big.bin", -1, new ByteArrayInputStream(new byte[200_000])),
				Status.TOO_LARGE, "drive.quota.exceeded");

		assertThat(home.resolve("big.bin")).doesNotExist();
		assertThat(drive.space(student.id(), student.role()).usedBytes()).isEqualTo(4);
		assertThat(drive.measure(student.id())).isEqualTo(4);
	}

	@Test
	void anUploadCutOffHalfWayLeavesNothing() throws IOException {
		var broken = new InputStream() {
			int sent;

			@Override
			public int read() throws IOException {
				if (sent++ > 50_000) {
					throw new IOException("connection reset");
				}
				return 'x';
			}
		};

		assertThatThrownBy(() -> drive.upload(student, "half.bin", 100_000, broken)).hasMessage("connection reset");
		assertRefused(() -> drive.upload(student, "short.bin", 100, bytes("short")), Status.BAD_REQUEST,
				"drive.upload.incomplete");

		assertNothingLeft();
	}

	@Test
	void twoUploadsOfOneNameAtOnceOneWinsTheOtherConflicts() throws Exception {
		var firstStarted = new CountDownLatch(1);
		var secondDone = new CountDownLatch(1);
		var slow = new InputStream() {
			int sent;

			@Override
			public int read() throws IOException {
				if (sent == 0) {
					firstStarted.countDown();
					await(secondDone);
				}
				return sent < 1000 ? (sent++ % 10) + '0' : -1;
			}
		};
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			var first = threads.submit(() -> drive.upload(student, "same.txt", 1000, slow));
			await(firstStarted);
			var second = threads.submit(() -> {
				try {
					return drive.upload(student, "same.txt", 3, bytes("bad"));
				}
				finally {
					secondDone.countDown();
				}
			});

			assertThatThrownBy(second::get).cause().isInstanceOfSatisfying(Refused.class,
					refused -> assertThat(refused.status()).isEqualTo(Status.CONFLICT));
			assertThat(first.get(10, TimeUnit.SECONDS).replaced()).isFalse();
		}
		assertThat(Files.readString(home.resolve("same.txt"))).isEqualTo("0123456789".repeat(100));
		assertThat(drive.space(student.id(), student.role()).usedBytes()).isEqualTo(1000);
	}

	@Test
	void refusesSymlinksThatPointOutsideTheHome() throws IOException {
		var outside = Files.createTempDirectory("outside");
		Files.writeString(outside.resolve("secret.txt"), "secret");
		Files.createSymbolicLink(home.resolve("escape"), outside);
		Files.createSymbolicLink(home.resolve("secret-link.txt"), outside.resolve("secret.txt"));

		assertRefused(() -> drive.list(student, "escape"), Status.FORBIDDEN, "drive.path.outside");
		assertRefused(() -> drive.file(student, "escape/secret.txt"), Status.FORBIDDEN, "drive.path.outside");
		assertRefused(() -> drive.file(student, "secret-link.txt"), Status.FORBIDDEN, "drive.path.outside");
		assertRefused(() -> drive.upload(student, "escape/new.txt", 1, bytes("x")), Status.FORBIDDEN,
				"drive.path.outside");
		assertRefused(() -> drive.makeFolder(student, "escape/new"), Status.FORBIDDEN, "drive.path.outside");
		assertRefused(() -> drive.move(student, "escape/secret.txt", "mine.txt"), Status.FORBIDDEN,
				"drive.path.outside");
		assertThat(drive.list(student, "")).extracting(Entry::name).doesNotContain("escape", "secret-link.txt");
		assertThat(outside.resolve("new.txt")).doesNotExist();
		assertThat(outside.resolve("new")).doesNotExist();
		assertThat(outside.resolve("secret.txt")).hasContent("secret");
	}

	@Test
	void followsSymlinksThatStayInsideTheHome() throws IOException {
		drive.upload(student, "real/notes.txt", 5, bytes("notes"));
		Files.createSymbolicLink(home.resolve("shortcut"), home.resolve("real"));

		assertThat(drive.file(student, "shortcut/notes.txt").getContentAsString(UTF_8)).isEqualTo("notes");
	}

	@Test
	void refusesTraversalFromEveryOperation() {
		assertRefused(() -> drive.list(student, "../"), Status.BAD_REQUEST, "drive.path.bad-name");
		assertRefused(() -> drive.file(student, "/etc/passwd"), Status.BAD_REQUEST, "drive.path.absolute");
		assertRefused(() -> drive.upload(student, "../x.txt", 1, bytes("x")), Status.BAD_REQUEST,
				"drive.path.bad-name");
		assertRefused(() -> drive.move(student, "a", "../../a"), Status.BAD_REQUEST, "drive.path.bad-name");
		assertRefused(() -> drive.delete(student, "a/.."), Status.BAD_REQUEST, "drive.path.bad-name");
	}

	@Test
	void deletesToTheTrashAndRestores() throws IOException {
		drive.upload(student, "作业/报告.txt", 6, bytes("report"));

		var deleted = drive.delete(student, "作业");

		assertThat(home.resolve("作业")).doesNotExist();
		assertThat(drive.trash(student)).singleElement().satisfies(entry -> {
			assertThat(entry.path()).isEqualTo("作业");
			assertThat(entry.folder()).isTrue();
			assertThat(entry.size()).isEqualTo(6);
		});
		assertThat(drive.space(student.id(), student.role()).usedBytes()).isEqualTo(6);

		assertThat(drive.restore(student, deleted.id())).isEqualTo("作业");

		assertThat(home.resolve("作业/报告.txt")).hasContent("report");
		assertThat(drive.trash(student)).isEmpty();
	}

	@Test
	void restoresBesideAFileThatTookTheNameMeanwhile() throws IOException {
		drive.upload(student, "a.txt", 3, bytes("old"));
		var deleted = drive.delete(student, "a.txt");
		drive.upload(student, "a.txt", 3, bytes("new"));

		assertThat(drive.restore(student, deleted.id())).isEqualTo("a (2).txt");

		assertThat(home.resolve("a.txt")).hasContent("new");
		assertThat(home.resolve("a (2).txt")).hasContent("old");
	}

	@Test
	void purgingFromTheTrashFreesTheSpace() throws IOException {
		drive.upload(student, "a.txt", 3, bytes("old"));
		var deleted = drive.delete(student, "a.txt");

		drive.purge(student, deleted.id());

		assertThat(drive.trash(student)).isEmpty();
		assertThat(drive.space(student.id(), student.role()).usedBytes()).isZero();
		assertThat(drive.measure(student.id())).isZero();
	}

	@Test
	void movesAndRenamesButNeverOverAnotherFileOrIntoItself() throws IOException {
		drive.upload(student, "a/x.txt", 1, bytes("x"));
		drive.upload(student, "y.txt", 1, bytes("y"));

		drive.move(student, "a/x.txt", "a/新名字.txt");
		drive.makeFolder(student, "b");
		drive.move(student, "a", "b/a");

		assertThat(home.resolve("b/a/新名字.txt")).hasContent("x");
		assertRefused(() -> drive.move(student, "y.txt", "b/a/新名字.txt"), Status.CONFLICT, "drive.exists");
		assertRefused(() -> drive.move(student, "b", "b/a/b"), Status.BAD_REQUEST, "drive.move.into-itself");
		assertRefused(() -> drive.makeFolder(student, "b"), Status.CONFLICT, "drive.exists");
		assertThat(home.resolve("y.txt")).hasContent("y");
	}

	@Test
	void countsFilesSavedFromTheDesktopAtTheNextMeasure() throws IOException {
		drive.upload(student, "web.txt", 3, bytes("web"));
		Files.write(home.resolve("from-desktop.bin"), new byte[5000]);

		drive.measure(student.id());

		assertThat(drive.space(student.id(), student.role()).usedBytes()).isEqualTo(5003);
	}

	private void assertNothingLeft() throws IOException {
		try (var files = Files.list(home)) {
			assertThat(files).isEmpty();
		}
		try (var files = Files.list(storage.scratch(student.id()))) {
			assertThat(files).isEmpty();
		}
		assertThat(drive.space(student.id(), student.role()).usedBytes()).isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
