package org.cloudroom.drive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.ZipOutputStream;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolClass;
import org.cloudroom.drive.posix.NoFollow;
import org.cloudroom.drive.spi.HomeStorage;
import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hand-in: a teacher opens an assignment for a class with a due time; every student gets a folder for it that is
 * theirs to change until then and read-only after; the teacher sees who handed in what and when, downloads it all
 * and hands back comments. Only the class's teachers (and the school's admin) see a class's hand-ins.
 */
@Service
class HandIns {

	private static final Logger log = LoggerFactory.getLogger(HandIns.class);
	static final int MAX_TITLE = 200;
	static final int MAX_COMMENT = 4000;

	/** One student's work for an assignment: what lies in their folder, when it last changed, the comment. */
	record HandIn(PersonId student, String username, String name, int files, long bytes,
			@Nullable Instant lastChange, @Nullable String comment) {

		public boolean handedIn() {
			return files > 0;
		}
	}

	/**
	 * An assignment as a student sees it in their class: where its folder lies in their drive (named in their
	 * language), and the comment handed back, new until they were shown it.
	 */
	record Mine(Assignment assignment, String className, String path, boolean open, @Nullable String comment,
			boolean commentNew) {
	}

	private final Assignments assignments;
	private final ClassFolders folders;
	private final Classes classes;
	private final People people;
	private final HomeStorage storage;
	private final Clock clock;

	HandIns(Assignments assignments, ClassFolders folders, Classes classes, People people, HomeStorage storage,
			Clock clock) {
		this.storage = storage;
		this.clock = clock;
		this.assignments = assignments;
		this.folders = folders;
		this.classes = classes;
		this.people = people;
	}

	Assignment open(CloudroomUser user, ClassId classId, String title, @Nullable OffsetDateTime due)
			throws IOException {
		var schoolClass = classes.requireTeacherOf(user, classId);
		var problems = new ArrayList<FieldProblem>();
		var name = title == null ? "" : title.strip();
		if (name.isEmpty() || name.length() > MAX_TITLE || name.codePoints().anyMatch(DrivePath::isInvisible)) {
			problems.add(FieldProblem.field("title", "drive.assignment.title-invalid", MAX_TITLE));
		}
		if (due == null || !due.toInstant().isAfter(clock.instant())) {
			problems.add(FieldProblem.field("dueAt", "drive.assignment.due-past"));
		}
		if (!problems.isEmpty()) {
			throw new Refused(Status.UNPROCESSABLE, problems, "drive.form-invalid");
		}
		if (assignments.ofClass(classId).stream().anyMatch(a -> a.folderName().equals(ClassFolders.folderName(name)))) {
			throw new Refused(Status.CONFLICT, "drive.assignment.exists", name);
		}
		var opened = assignments.open(schoolClass.schoolId(), classId, name, due, user.id())
			.orElseThrow(() -> new Refused(Status.CONFLICT, "drive.assignment.exists", name));
		// Every student finds the folder at once, in the web drive and in a desktop already running.
		for (var student : students(classId)) {
			folders.handInFolders(schoolClass, student.id());
		}
		return opened;
	}

	List<Assignment> ofClass(CloudroomUser user, ClassId classId) {
		classes.requireTeacherOf(user, classId);
		return assignments.ofClass(classId);
	}

	/** The assignment, when this person runs its class. */
	Assignment assignment(CloudroomUser user, AssignmentId id) {
		var assignment = assignments.find(id).orElseThrow(Refused::notFound);
		classes.requireTeacherOf(user, assignment.classId());
		return assignment;
	}

	SchoolClass classOf(CloudroomUser user, Assignment assignment) {
		return classes.requireTeacherOf(user, assignment.classId());
	}

	List<HandIn> overview(CloudroomUser user, AssignmentId id) throws IOException {
		var assignment = assignment(user, id);
		var root = folders.handIns(assignment.classId());
		var handIns = new ArrayList<HandIn>();
		for (var student : students(assignment.classId())) {
			var folder = root.resolve(student.id().value().toString()).resolve(assignment.folderName());
			var work = new Work();
			if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
				try (var opened = HomeTree.of(root).openFolder(folder)) {
					NoFollow.walk(opened, work);
				}
			}
			handIns.add(new HandIn(student.id(), student.username(), student.displayName(), work.files, work.bytes,
					work.last, assignments.comment(id, student.id()).orElse(null)));
		}
		return handIns;
	}

	/** Every student's work as one zip, a folder per student named by their name and username. */
	void zipAll(CloudroomUser user, AssignmentId id, OutputStream out) throws IOException {
		var assignment = assignment(user, id);
		var root = folders.handIns(assignment.classId());
		var zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
		for (var student : students(assignment.classId())) {
			var folder = root.resolve(student.id().value().toString()).resolve(assignment.folderName());
			if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
				Zips.add(zip, new Zips.Folder(HomeTree.of(root), folder),
						ClassFolders.folderName(student.displayName() + " (" + student.username() + ")") + "/");
			}
		}
		zip.finish();
	}

	void comment(CloudroomUser user, AssignmentId id, PersonId student, @Nullable String text) {
		var assignment = assignment(user, id);
		if (!classes.hasMember(assignment.classId(), student)) {
			throw Refused.notFound();
		}
		if (text != null && text.length() > MAX_COMMENT) {
			throw new Refused(Status.UNPROCESSABLE,
					List.of(FieldProblem.field("comment", "drive.comment.too-long", MAX_COMMENT)), "drive.form-invalid");
		}
		assignments.comment(assignment, student, text, user.id());
	}

	/**
	 * The assignments of a student's classes with the comment handed back on each: the open ones first, the one
	 * due soonest on top, then the closed ones, the one closed last on top.
	 */
	List<Mine> mine(CloudroomUser user) {
		var mine = new ArrayList<Mine>();
		if (user.role() != Role.STUDENT) {
			return mine;
		}
		var names = folders.names();
		for (var schoolClass : classes.ofPerson(user.id())) {
			for (var assignment : assignments.ofClass(schoolClass.id())) {
				var comment = assignments.handedBack(assignment.id(), user.id());
				mine.add(new Mine(assignment, schoolClass.name(), folders.handInPath(schoolClass, assignment, names),
						assignment.open(), comment.map(Assignments.HandedBack::text).orElse(null),
						comment.map(Assignments.HandedBack::unseen).orElse(false)));
			}
		}
		mine.sort(java.util.Comparator.comparing((Mine m) -> !m.open()).thenComparing((a, b) -> a.open()
				? a.assignment().dueAt().compareTo(b.assignment().dueAt())
				: b.assignment().dueAt().compareTo(a.assignment().dueAt())));
		return mine;
	}

	/** The student has been shown the comment on their work for the assignment. */
	void commentShown(CloudroomUser student, Mine mine) {
		if (mine.commentNew()) {
			assignments.seen(mine.assignment().id(), student.id());
		}
	}

	/** Makes the folders of every assignment now due read-only, in the web and in running desktops alike. */
	void sealDue() {
		for (var assignment : assignments.dueUnsealed()) {
			try {
				var root = folders.handIns(assignment.classId());
				try (var students = Files.list(root)) {
					for (var student : students.toList()) {
						var folder = student.resolve(assignment.folderName());
						if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
							Seals.seal(folder, uid(student.getFileName().toString()));
						}
					}
				}
				assignments.sealed(assignment.id());
			}
			catch (IOException | RuntimeException e) {
				log.warn("could not close the hand-in folders of assignment {}: {}", assignment.id(), e.toString());
			}
		}
	}

	/** The desktop uid of the student whose hand-in folders are named by their id, when they have one. */
	private OptionalInt uid(String student) {
		try {
			return storage.uid(PersonId.of(student));
		}
		catch (IllegalArgumentException notAStudent) {
			return OptionalInt.empty();
		}
	}

	private List<Person> students(ClassId classId) {
		return people.ofClass(classId).stream().filter(p -> p.role() == Role.STUDENT)
			.sorted(java.util.Comparator.comparing(Person::familyName, NameOrder.forReader())
				.thenComparing(Person::givenName, NameOrder.forReader()).thenComparing(Person::username))
			.toList();
	}

	/** What a student's folder holds: its regular files, hidden ones left out, and when one last changed. */
	private static final class Work implements NoFollow.Visitor {

		int files;
		long bytes;
		@Nullable Instant last;

		@Override
		public boolean visit(NoFollow.Opened folder, List<String> path, BasicFileAttributes attributes) {
			if (path.getLast().startsWith(".")) {
				return false;
			}
			if (attributes.isRegularFile()) {
				files++;
				bytes += attributes.size();
				var changed = attributes.lastModifiedTime().toInstant();
				last = last == null || changed.isAfter(last) ? changed : last;
			}
			return true;
		}
	}
}
