package org.cloudroom.drive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolClass;
import org.cloudroom.drive.spi.HomeStorage;
import org.cloudroom.status.Refused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code Classes} folder of a drive: for each class of the person, {@code Materials} (stored once per class,
 * changed only by its teachers) and, for a student, {@code Hand-in} with a folder per assignment that is theirs to
 * change until the due time. Desktops see the same folders through the mounts this hands them. The three folders
 * are named in the person's language (班级, 资料, 作业 in Chinese), in the web and in the desktop alike; a path
 * naming them in any of the drive's languages leads there, so links, scripts and the trash keep working when a
 * person switches language.
 */
@Component
public class ClassFolders {

	/** The languages a drive is shown in (as the web speaks them); the class tree's names in each lead to it. */
	private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	/** The English names of the folder of the drive that holds the classes and of a class's two folders. */
	static final String CLASSES = "Classes";
	static final String MATERIALS = "Materials";
	static final String HAND_IN = "Hand-in";

	/** The names of the class tree's own folders in one language: the top one, a class's materials and hand-in. */
	record Names(String classes, String materials, String handIn) {
	}

	/**
	 * A folder of the class tree as a desktop sees it.
	 *
	 * @param source the folder on the desktop host
	 * @param target where it appears, relative to the home
	 * @param writable whether the desktop may change what is in it (its owner's permissions still apply)
	 */
	public record Mount(Path source, String target, boolean writable) {
	}

	private final Classes classes;
	private final Assignments assignments;
	private final HomeStorage storage;
	private final MessageSource messages;

	ClassFolders(Classes classes, Assignments assignments, HomeStorage storage, MessageSource messages) {
		this.classes = classes;
		this.assignments = assignments;
		this.storage = storage;
		this.messages = messages;
	}

	/**
	 * The folders to show in the person's desktop under {@code ~/Classes}, named in their language as in the web;
	 * their hand-in folders made ready.
	 */
	public List<Mount> mountsFor(PersonId person, Role role, Locale language) throws IOException {
		var names = names(language);
		var mounts = new ArrayList<Mount>();
		for (var schoolClass : classes.ofPerson(person)) {
			var name = names.classes() + "/" + folderName(schoolClass.name());
			mounts.add(new Mount(materials(schoolClass.id()), name + "/" + names.materials(), false));
			if (role == Role.STUDENT) {
				mounts.add(new Mount(handInFolders(schoolClass, person), name + "/" + names.handIn(), true));
			}
		}
		return mounts;
	}

	/** The class tree's folder names in a language. */
	Names names(Locale language) {
		return new Names(messages.getMessage("drive.classes", null, CLASSES, language),
				messages.getMessage("drive.materials", null, MATERIALS, language),
				messages.getMessage("drive.hand-in", null, HAND_IN, language));
	}

	/** The class tree's folder names in the language of the request being served. */
	Names names() {
		return names(LocaleContextHolder.getLocale());
	}

	/**
	 * Whether a name at the top of the drive stands for the person's classes rather than a folder of the home: its
	 * name in any language the drive is shown in, so a path stays good when its person switches language.
	 */
	boolean isClassesName(String name) {
		return isNamed(name, Names::classes);
	}

	private boolean isNamed(String name, Function<Names, String> folder) {
		return LANGUAGES.stream().map(language -> folder.apply(names(language))).anyMatch(name::equals);
	}

	/** Whether the person's drive holds the class tree: they are in a class. */
	boolean hasClasses(CloudroomUser user) {
		return !classes.ofPerson(user.id()).isEmpty();
	}

	/** Whether a path of the drive lies in a class's materials. */
	boolean inMaterials(DrivePath path) {
		var names = path.names();
		return names.size() >= 3 && isClassesName(names.get(0))
				&& isNamed(names.get(2), Names::materials);
	}

	/**
	 * The path with the class tree's folders named in the language of the request, as the drive lists them; a path
	 * of the home as it is.
	 */
	DrivePath inLanguage(CloudroomUser user, DrivePath path) {
		var names = new ArrayList<>(path.names());
		if (names.isEmpty() || !isClassesName(names.getFirst()) || !hasClasses(user)) {
			return path;
		}
		var shown = names();
		names.set(0, shown.classes());
		if (names.size() >= 3 && isNamed(names.get(2), Names::materials)) {
			names.set(2, shown.materials());
		}
		else if (names.size() >= 3 && isNamed(names.get(2), Names::handIn)) {
			names.set(2, shown.handIn());
		}
		return new DrivePath(List.copyOf(names));
	}

	/** The place of a path under {@code Classes}, or empty when it lies in the home. */
	Optional<Place> place(CloudroomUser user, DrivePath path) throws IOException {
		if (path.isRoot() || !isClassesName(path.names().getFirst())) {
			return Optional.empty();
		}
		var mine = classes.ofPerson(user.id()).stream()
			.sorted(Comparator.comparing(SchoolClass::name, NameOrder.forReader())).toList();
		if (mine.isEmpty()) {
			return Optional.empty();
		}
		var shown = names();
		var names = path.names();
		if (names.size() == 1) {
			return Optional.of(new Place.Listing(mine.stream()
				.map(c -> folder(shown.classes() + "/" + folderName(c.name()))).toList()));
		}
		// Any other name directly under Classes is refused alike, whether it is another class's or a file's.
		var schoolClass = mine.stream().filter(c -> folderName(c.name()).equals(names.get(1))).findFirst()
			.orElseThrow(() -> new Refused(org.cloudroom.status.Status.FORBIDDEN, "drive.class.fixed"));
		var classPath = new DrivePath(List.of(shown.classes(), names.get(1)));
		if (names.size() == 2) {
			var inside = new ArrayList<>(List.of(folder(classPath.child(shown.materials()).toString())));
			if (user.role() == Role.STUDENT) {
				inside.add(folder(classPath.child(shown.handIn()).toString()));
			}
			return Optional.of(new Place.Listing(List.copyOf(inside)));
		}
		var rest = new DrivePath(names.subList(3, names.size()));
		var folder = names.get(2);
		if (isNamed(folder, Names::materials)) {
			return Optional.of(materialsPlace(user, schoolClass, classPath.child(shown.materials()), rest));
		}
		if (isNamed(folder, Names::handIn)) {
			return Optional.of(handInPlace(user, schoolClass, classPath.child(shown.handIn()), rest));
		}
		throw Refused.notFound();
	}

	/** Where the class's materials lie in the person's drive; not found unless they are in the class. */
	String materialsPath(CloudroomUser user, ClassId classId) {
		var schoolClass = classes.ofPerson(user.id()).stream().filter(c -> c.id().equals(classId)).findFirst()
			.orElseThrow(Refused::notFound);
		var names = names();
		return String.join("/", names.classes(), folderName(schoolClass.name()), names.materials());
	}

	/** Where an assignment's hand-in folder lies in the drive of a student of its class. */
	String handInPath(SchoolClass schoolClass, Assignment assignment, Names names) {
		return String.join("/", names.classes(), folderName(schoolClass.name()), names.handIn(),
				assignment.folderName());
	}

	private Place materialsPlace(CloudroomUser user, SchoolClass schoolClass, DrivePath prefix, DrivePath rest)
			throws IOException {
		var folder = materials(schoolClass.id());
		var teaches = user.role() != Role.STUDENT;
		return new Place.Tree(HomeTree.of(folder), prefix, rest, null, new Place.SpaceOwner.ClassMaterials(folder),
				teaches ? null : "drive.class.materials-read-only");
	}

	private Place handInPlace(CloudroomUser user, SchoolClass schoolClass, DrivePath prefix, DrivePath rest)
			throws IOException {
		if (user.role() != Role.STUDENT) {
			throw Refused.notFound();
		}
		var root = handInFolders(schoolClass, user.id());
		String readOnly = null;
		if (rest.names().size() <= 1) {
			readOnly = "drive.hand-in.fixed";
		}
		else {
			var assignment = assignments.ofClass(schoolClass.id()).stream()
				.filter(a -> a.folderName().equals(rest.names().getFirst())).findFirst();
			if (assignment.isEmpty()) {
				throw Refused.notFound();
			}
			if (!assignment.get().open()) {
				readOnly = "drive.hand-in.closed";
			}
		}
		return new Place.Tree(HomeTree.of(root), prefix, rest, user.id(),
				new Place.SpaceOwner.Person(user.id(), user.role()), readOnly);
	}

	/** The folders holding the person's hand-in folders, one per class, made ready; none for a teacher. */
	List<Path> handInRoots(PersonId person, Role role) throws IOException {
		var roots = new ArrayList<Path>();
		if (role == Role.STUDENT) {
			for (var schoolClass : classes.ofPerson(person)) {
				roots.add(handInFolders(schoolClass, person));
			}
		}
		return roots;
	}

	/** What the student's hand-in folders of all their classes take. */
	long handInBytes(PersonId student) throws IOException {
		var bytes = 0L;
		for (var schoolClass : classes.ofPerson(student)) {
			var folder = storage.classRoot(schoolClass.id()).resolve("hand-in").resolve(student.value().toString());
			if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
				bytes += Sizes.of(folder);
			}
		}
		return bytes;
	}

	/** The class's materials, one folder for every student of it. */
	Path materials(ClassId schoolClass) throws IOException {
		return Files.createDirectories(storage.classRoot(schoolClass).resolve("materials"));
	}

	/** Where each student's hand-in folders of the class lie, one folder per student. */
	Path handIns(ClassId schoolClass) throws IOException {
		return Files.createDirectories(storage.classRoot(schoolClass).resolve("hand-in"));
	}

	/**
	 * The student's hand-in folders of the class, one per assignment: theirs while it is open, the server's and
	 * read-only once it is due. The folder holding them is the server's, so the student cannot add others.
	 */
	Path handInFolders(SchoolClass schoolClass, PersonId student) throws IOException {
		var root = Files.createDirectories(handIns(schoolClass.id()).resolve(student.value().toString()));
		for (var assignment : assignments.ofClass(schoolClass.id())) {
			var folder = root.resolve(assignment.folderName());
			if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
				Files.createDirectory(folder);
				if (assignment.open()) {
					storage.own(folder, student);
				}
				else {
					Seals.seal(folder, storage.uid(student));
				}
			}
			else if (assignment.open() && isServers(folder)) {
				// made before the student had a desktop uid to give it to
				storage.own(folder, student);
			}
		}
		return root;
	}

	/**
	 * A class or assignment name as a folder name: no slash, backslash, control character or text-direction mark,
	 * not hidden, not too long.
	 */
	static String folderName(String name) {
		var folder = name.strip().codePoints().map(c -> c == '/' || c == '\\' || DrivePath.isInvisible(c) ? '-' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
		if (folder.startsWith(".")) {
			folder = "_" + folder.substring(1);
		}
		while (folder.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > DrivePath.MAX_NAME_BYTES) {
			folder = folder.substring(0, folder.length() - 1);
		}
		return folder.isEmpty() || folder.equals("..") ? "_" : folder;
	}

	private static boolean isServers(Path folder) throws IOException {
		return ((Integer) Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == 0;
	}

	private static Entry folder(String path) {
		return new Entry(path.substring(path.lastIndexOf('/') + 1), path, true, 0, Instant.EPOCH);
	}
}
