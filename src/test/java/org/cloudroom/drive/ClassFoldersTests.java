package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cloudroom.drive.DriveTesting.assertRefused;
import static org.cloudroom.drive.DriveTesting.bytes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import org.cloudroom.MovingClock;
import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.drive.spi.HomeStorage;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A teacher hands out materials and collects work; students find both in their drive. */
@SpringBootTest
@Import(MovingClock.InTheServer.class)
class ClassFoldersTests {

	@Autowired
	MovingClock clock;

	@Autowired
	Drive drive;

	@Autowired
	HandIns handIns;

	@Autowired
	ClassFolders folders;

	@Autowired
	HomeStorage storage;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	@Autowired
	Quotas quotas;

	@Autowired
	DriveSpace space;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Homework homework;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);
	private SchoolId school;
	private ClassId grade5;
	private CloudroomUser teacher;
	private CloudroomUser wang;
	private CloudroomUser li;
	private CloudroomUser otherTeacher;
	private CloudroomUser otherStudent;

	/** Grade 5/2 (a slash in its name) with a teacher and two students; Grade 6 with its own. */
	@BeforeEach
	void aSchoolWithTwoClasses() throws IOException {
		school = program.open("Hope " + tag, 50, "adm-" + tag, "Hong", "Lin").school().id();
		importPeople("""
				username,given_name,family_name,role,class
				t-%1$s,Mei,Zhou,teacher,Grade 5/2
				wang-%1$s,小明,王,student,Grade 5/2
				li-%1$s,欣怡,李,student,Grade 5/2
				t6-%1$s,Hua,Li,teacher,Grade 6
				zhao-%1$s,宇,赵,student,Grade 6
				""".formatted(tag));
		grade5 = classes.findByName(school, "Grade 5/2").orElseThrow().id();
		teacher = user("t-");
		wang = user("wang-");
		li = user("li-");
		otherTeacher = user("t6-");
		otherStudent = user("zhao-");
	}

	@Test
	void aMaterialIsStoredOnceAndEveryStudentOfTheClassReadsIt() throws IOException {
		drive.upload(teacher, "Classes/Grade 5-2/Materials/第一课.pdf", 8, bytes("%PDF-1.4"));

		for (var student : List.of(wang, li)) {
			assertThat(drive.list(student, "Classes")).extracting(Entry::name).containsExactly("Grade 5-2");
			assertThat(drive.list(student, "Classes/Grade 5-2")).extracting(Entry::name)
				.containsExactly("Materials", "Hand-in");
			assertThat(drive.list(student, "Classes/Grade 5-2/Materials")).singleElement()
				.satisfies(e -> assertThat(e.path()).isEqualTo("Classes/Grade 5-2/Materials/第一课.pdf"));
			assertThat(drive.file(student, "Classes/Grade 5-2/Materials/第一课.pdf").getContentAsString(UTF_8))
				.isEqualTo("%PDF-1.4");
		}
		try (var files = Files.walk(storage.classRoot(grade5))) {
			assertThat(files.filter(f -> f.getFileName().toString().equals("第一课.pdf"))).hasSize(1);
		}
		assertThat(drive.list(teacher, "")).extracting(Entry::name).contains("Classes");
	}

	@Test
	void studentsCannotChangeMaterialsAndOtherClassesDoNotSeeThem() throws IOException {
		drive.upload(teacher, "Classes/Grade 5-2/Materials/lesson.txt", 4, bytes("poem"));

		assertRefused(() -> drive.upload(wang, "Classes/Grade 5-2/Materials/mine.txt", 1, bytes("x")),
				Status.FORBIDDEN, "drive.class.materials-read-only");
		assertRefused(() -> drive.delete(wang, "Classes/Grade 5-2/Materials/lesson.txt"), Status.FORBIDDEN,
				"drive.class.materials-read-only");
		assertRefused(() -> drive.move(wang, "Classes/Grade 5-2/Materials/lesson.txt", "lesson.txt"),
				Status.FORBIDDEN, "drive.class.materials-read-only");
		assertRefused(() -> drive.upload(wang, "Classes/new.txt", 1, bytes("x")), Status.FORBIDDEN,
				"drive.class.fixed");
		assertRefused(() -> drive.list(otherStudent, "Classes/Grade 5-2/Materials"), Status.FORBIDDEN,
				"drive.class.fixed");
		assertRefused(() -> drive.file(otherTeacher, "Classes/Grade 5-2/Materials/lesson.txt"), Status.FORBIDDEN,
				"drive.class.fixed");
		assertThat(drive.list(otherStudent, "Classes")).extracting(Entry::name).containsExactly("Grade 6");
	}

	@Test
	void aStudentWhoJoinsLaterGetsTheMaterialsAndAWithdrawnOneIsGoneForAll() throws IOException {
		drive.upload(teacher, "Classes/Grade 5-2/Materials/old.txt", 3, bytes("old"));
		drive.upload(teacher, "Classes/Grade 5-2/Materials/new.txt", 3, bytes("new"));
		importPeople("username,given_name,family_name,role,class\nlate-%s,Late,Comer,student,Grade 5/2\n".formatted(tag));
		var late = user("late-");

		drive.delete(teacher, "Classes/Grade 5-2/Materials/old.txt");
		drive.upload(teacher, "Classes/Grade 5-2/Materials/new.txt", 5, bytes("newer"));

		for (var student : List.of(wang, late)) {
			assertThat(drive.list(student, "Classes/Grade 5-2/Materials")).extracting(Entry::name)
				.containsExactly("new.txt");
			assertThat(drive.file(student, "Classes/Grade 5-2/Materials/new.txt").getContentAsString(UTF_8))
				.isEqualTo("newer");
		}
	}

	@Test
	void aStudentHandsInUntilTheDueTimeAndTheFolderIsReadOnlyAfter() throws IOException {
		var assignment = handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));
		var folder = "Classes/Grade 5-2/Hand-in/Poem";

		assertThat(drive.list(wang, "Classes/Grade 5-2/Hand-in")).extracting(Entry::name).containsExactly("Poem");
		drive.upload(wang, folder + "/静夜思.txt", 9, bytes("床前明"));
		assertThat(drive.list(wang, folder)).singleElement().satisfies(e -> assertThat(e.size()).isEqualTo(9));
		assertThat(drive.list(li, folder)).isEmpty();
		assertThat(drive.space(wang.id(), Role.STUDENT).usedBytes()).isEqualTo(9);

		clock.pass(Duration.ofDays(1).plusSeconds(1));
		assertRefused(() -> drive.upload(wang, folder + "/late.txt", 1, bytes("x")), Status.FORBIDDEN,
				"drive.hand-in.closed");
		assertRefused(() -> drive.delete(wang, folder + "/静夜思.txt"), Status.FORBIDDEN, "drive.hand-in.closed");
		handIns.sealDue();

		var onDisk = folders.handIns(grade5).resolve(wang.id().value().toString()).resolve("Poem");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onDisk))).isEqualTo("r-xr-xr-x");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onDisk.resolve("静夜思.txt"))))
			.isEqualTo("r--r--r--");
		assertThat(drive.file(wang, folder + "/静夜思.txt").getContentAsString(UTF_8)).isEqualTo("床前明");
	}

	@Test
	void onlyAssignmentFoldersTakeWork() throws IOException {
		handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));

		assertRefused(() -> drive.upload(wang, "Classes/Grade 5-2/Hand-in/loose.txt", 1, bytes("x")),
				Status.FORBIDDEN, "drive.hand-in.fixed");
		assertRefused(() -> drive.makeFolder(wang, "Classes/Grade 5-2/Hand-in/Mine"), Status.FORBIDDEN,
				"drive.hand-in.fixed");
		assertRefused(() -> drive.delete(wang, "Classes/Grade 5-2/Hand-in/Poem"), Status.FORBIDDEN,
				"drive.hand-in.fixed");
		assertRefused(() -> drive.list(teacher, "Classes/Grade 5-2/Hand-in"), Status.NOT_FOUND, "error.not-found");
	}

	@Test
	void handInCountsTowardsTheStudentsQuota() throws IOException {
		handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));
		quotas.set(wang.id(), school, 10L);

		assertRefused(() -> drive.upload(wang, "Classes/Grade 5-2/Hand-in/Poem/big.txt", 11, bytes("x".repeat(11))),
				Status.TOO_LARGE, "drive.quota.exceeded");
		drive.upload(wang, "Classes/Grade 5-2/Hand-in/Poem/ok.txt", 8, bytes("12345678"));
		assertRefused(() -> drive.upload(wang, "notes.txt", 3, bytes("abc")), Status.TOO_LARGE,
				"drive.quota.exceeded");
	}

	@Test
	void theTeacherSeesWhoHandedInDownloadsAllAndHandsBackComments() throws IOException {
		var assignment = handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));
		drive.upload(wang, "Classes/Grade 5-2/Hand-in/Poem/poem.txt", 4, bytes("poem"));
		drive.upload(wang, "Classes/Grade 5-2/Hand-in/Poem/drawing/moon.png", 3, bytes("png"));

		var overview = handIns.overview(teacher, assignment.id());
		handIns.comment(teacher, assignment.id(), wang.id(), "写得很好！");

		assertThat(overview).extracting(HandIns.HandIn::username, HandIns.HandIn::files, HandIns.HandIn::bytes)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(wang.username(), 2, 7L),
					org.assertj.core.groups.Tuple.tuple(li.username(), 0, 0L));
		assertThat(overview).filteredOn(HandIns.HandIn::handedIn).singleElement()
			.satisfies(h -> assertThat(h.lastChange()).isNotNull());
		assertThat(zipNames(assignment.id())).containsExactlyInAnyOrder("王小明 (" + wang.username() + ")/poem.txt",
				"王小明 (" + wang.username() + ")/drawing/", "王小明 (" + wang.username() + ")/drawing/moon.png");
		assertThat(handIns.mine(wang)).singleElement().satisfies(mine -> {
			assertThat(mine.comment()).isEqualTo("写得很好！");
			assertThat(mine.path()).isEqualTo("Classes/Grade 5-2/Hand-in/Poem");
			assertThat(mine.open()).isTrue();
		});
		assertThat(handIns.mine(li).getFirst().comment()).isNull();
	}

	@Test
	void handInsAreTheClassTeachersAlone() throws IOException {
		var assignment = handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));
		var elsewhere = program.open("Other " + tag, 5, "adm2-" + tag, "A", "B").school().id();
		var foreignAdmin = new CloudroomUser(PersonId.random(), elsewhere, "a", Role.ADMIN);

		assertRefused(() -> handIns.overview(otherTeacher, assignment.id()), Status.FORBIDDEN, "error.forbidden");
		assertRefused(() -> handIns.overview(wang, assignment.id()), Status.FORBIDDEN, "error.forbidden");
		assertRefused(() -> handIns.zipAll(li, assignment.id(), new ByteArrayOutputStream()), Status.FORBIDDEN,
				"error.forbidden");
		assertRefused(() -> handIns.overview(foreignAdmin, assignment.id()), Status.NOT_FOUND, "error.not-found");
		assertRefused(() -> handIns.open(otherTeacher, grade5, "Mine", OffsetDateTime.now(clock).plusDays(1)),
				Status.FORBIDDEN, "error.forbidden");
		assertRefused(() -> handIns.comment(teacher, assignment.id(), otherStudent.id(), "hi"), Status.NOT_FOUND,
				"error.not-found");
	}

	@Test
	void refusesAnAssignmentWithoutTitleOrDueInThePastOrTwice() throws IOException {
		var refused = catchThrowableOfType(Refused.class,
				() -> handIns.open(teacher, grade5, " ", OffsetDateTime.now(clock).minusMinutes(1)));
		handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));

		assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE);
		assertThat(refused.problems()).extracting(p -> p.column()).containsExactly("title", "dueAt");
		assertRefused(() -> handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(2)), Status.CONFLICT,
				"drive.assignment.exists");
		assertThat(handIns.ofClass(teacher, grade5)).hasSize(1);
	}

	@Test
	void desktopsGetTheMaterialsReadOnlyAndTheHandInFoldersWritable() throws IOException {
		handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));

		assertThat(folders.mountsFor(wang.id(), Role.STUDENT, java.util.Locale.ENGLISH)).extracting(ClassFolders.Mount::target,
				ClassFolders.Mount::writable)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Classes/Grade 5-2/Materials", false),
					org.assertj.core.groups.Tuple.tuple("Classes/Grade 5-2/Hand-in", true));
		assertThat(folders.mountsFor(teacher.id(), Role.TEACHER, java.util.Locale.ENGLISH)).extracting(ClassFolders.Mount::target)
			.containsExactly("Classes/Grade 5-2/Materials");
		assertThat(folders.mountsFor(wang.id(), Role.STUDENT, java.util.Locale.ENGLISH).get(1).source().resolve("Poem")).isDirectory();
	}

	@Test
	void aChineseSpeakingStudentFindsTheClassFoldersNamedInChineseInTheWebAndOnTheComputer() throws IOException {
		handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));
		drive.upload(teacher, "Classes/Grade 5-2/Materials/lesson.txt", 4, bytes("poem"));
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			assertThat(drive.list(wang, "")).extracting(Entry::name).containsExactly("班级");
			assertThat(drive.list(wang, "班级/Grade 5-2")).extracting(Entry::path)
				.containsExactly("班级/Grade 5-2/资料", "班级/Grade 5-2/作业");
			drive.upload(wang, "班级/Grade 5-2/作业/Poem/静夜思.txt", 9, bytes("床前明"));
			assertThat(drive.list(wang, "Classes/Grade 5-2/Hand-in/Poem")).as("the English names still lead there")
				.extracting(Entry::path).containsExactly("班级/Grade 5-2/作业/Poem/静夜思.txt");
			assertThat(drive.list(wang, "班级/Grade 5-2/资料")).extracting(Entry::name).containsExactly("lesson.txt");
			assertThat(handIns.mine(wang)).singleElement()
				.satisfies(mine -> assertThat(mine.path()).isEqualTo("班级/Grade 5-2/作业/Poem"));
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(folders.mountsFor(wang.id(), Role.STUDENT, Locale.SIMPLIFIED_CHINESE))
			.extracting(ClassFolders.Mount::target).containsExactly("班级/Grade 5-2/资料", "班级/Grade 5-2/作业");
		assertThat(folders.handInRoots(wang.id(), Role.STUDENT).getFirst().resolve("Poem/静夜思.txt"))
			.as("the same folder on disk, whatever the language").hasContent("床前明");
	}

	@Test
	void aFileDeletedFromAHandInFolderInChineseIsRestoredThereAfterSwitchingToEnglish() throws IOException {
		handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));
		TrashEntry deleted;
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			drive.upload(wang, "班级/Grade 5-2/作业/Poem/静夜思.txt", 9, bytes("床前明"));
			deleted = drive.delete(wang, "班级/Grade 5-2/作业/Poem/静夜思.txt");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}

		assertThat(drive.restore(wang, deleted.id())).isEqualTo("Classes/Grade 5-2/Hand-in/Poem/静夜思.txt");
		assertThat(drive.list(wang, "Classes/Grade 5-2/Hand-in/Poem")).extracting(Entry::name)
			.containsExactly("静夜思.txt");
		assertThat(drive.list(wang, "")).extracting(Entry::name).containsExactly("Classes");
	}

	@Test
	void aStudentSeesTheOpenAssignmentsDueSoonestFirstAndTheClosedOnesAfter() throws IOException {
		handIns.open(teacher, grade5, "Next week", OffsetDateTime.now(clock).plusDays(7));
		var closed = handIns.open(teacher, grade5, "Last week", OffsetDateTime.now(clock).plusDays(1));
		handIns.open(teacher, grade5, "Tomorrow", OffsetDateTime.now(clock).plusDays(1));
		dueNow(closed);

		assertThat(handIns.mine(wang)).extracting(mine -> mine.assignment().title(), HandIns.Mine::open)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Tomorrow", true),
					org.assertj.core.groups.Tuple.tuple("Next week", true),
					org.assertj.core.groups.Tuple.tuple("Last week", false));
		assertThat(drive.readOnly(wang, "Classes/Grade 5-2/Hand-in/Last week")).isEqualTo("drive.hand-in.closed");
		assertThat(drive.list(wang, "Classes/Grade 5-2/Hand-in/Last week")).isEmpty();
	}

	@Test
	void aTeachersCommentIsNewToTheStudentUntilShownAndNewAgainWhenChanged() throws IOException {
		var assignment = handIns.open(teacher, grade5, "Poem", OffsetDateTime.now(clock).plusDays(1));
		handIns.comment(teacher, assignment.id(), wang.id(), "写得很好！");

		assertThat(homework.shownTo(wang)).singleElement().satisfies(task -> {
			assertThat(task.comment()).isEqualTo("写得很好！");
			assertThat(task.commentNew()).isTrue();
		});
		assertThat(homework.shownTo(wang).getFirst().commentNew()).as("seen once shown").isFalse();
		handIns.comment(teacher, assignment.id(), wang.id(), "再加一句结尾。");
		assertThat(homework.shownTo(wang).getFirst().commentNew()).isTrue();
		assertThat(homework.shownTo(li).getFirst().comment()).isNull();
		assertThat(homework.shownTo(teacher)).isEmpty();
	}

	@Test
	void aDesktopDoesNotStartWhileTheHomeIsOverItsQuota() throws IOException {
		quotas.set(li.id(), school, 4L);
		Files.writeString(storage.home(li.id()).resolve("saved-in-the-desktop.txt"), "too much");

		assertRefused(() -> space.requireWithinQuota(li.id(), Role.STUDENT), Status.INSUFFICIENT_STORAGE,
				"drive.quota.full-at-start");
		Files.delete(storage.home(li.id()).resolve("saved-in-the-desktop.txt"));
		space.requireWithinQuota(li.id(), Role.STUDENT);
	}

	private List<String> zipNames(AssignmentId assignment) throws IOException {
		var out = new ByteArrayOutputStream();
		handIns.zipAll(teacher, assignment, out);
		var names = new ArrayList<String>();
		try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), UTF_8)) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

	private void dueNow(Assignment assignment) {
		jdbc.sql("update drive_assignment set due_at = ? where id = ?")
			.params(OffsetDateTime.now(clock).minusSeconds(1), assignment.id().value()).update();
	}

	private void importPeople(String csv) throws IOException {
		peopleImport.importFile(school, new ByteArrayInputStream(csv.getBytes(UTF_8)), false);
	}

	private CloudroomUser user(String prefix) {
		var person = people.findByUsername(prefix + tag).orElseThrow();
		return new CloudroomUser(person.id(), school, person.username(), person.role());
	}
}
