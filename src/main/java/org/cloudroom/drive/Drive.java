package org.cloudroom.drive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.drive.posix.NoFollow;
import org.cloudroom.drive.spi.HomeStorage;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A person's own drive: their home directory, seen and changed from the web. Every path comes from outside and is
 * checked ({@link DrivePath}, {@link HomeTree}); every refusal leaves the drive as it was.
 */
@Service
class Drive {

	/**
	 * What a drive takes and may take, and whether it is full: less room is left than a hundredth of the quota (at
	 * most a megabyte), so a desktop can hardly save anything more.
	 */
	record Space(long usedBytes, long quotaBytes, boolean full) {

		static Space of(long usedBytes, long quotaBytes) {
			return new Space(usedBytes, quotaBytes,
					usedBytes > quotaBytes - Math.min(1024 * 1024, quotaBytes / 100));
		}
	}

	private final HomeStorage storage;
	private final Usage usage;
	private final Quotas quotas;
	private final Trash trash;
	private final ClassFolders classFolders;
	private final DriveSettings settings;
	private final Uploads uploads = new Uploads();

	Drive(HomeStorage storage, Usage usage, Quotas quotas, Trash trash, ClassFolders classFolders,
			DriveSettings settings) {
		this.storage = storage;
		this.classFolders = classFolders;
		this.settings = settings;
		this.usage = usage;
		this.quotas = quotas;
		this.trash = trash;
	}

	List<Entry> list(CloudroomUser user, String path) throws IOException {
		var found = place(user, DrivePath.of(path));
		if (!(found instanceof Place.Tree place)) {
			return ((Place.Listing) found).entries();
		}
		var tree = place.tree();
		var folder = tree.inside(existing(tree, place.path()));
		if (!isFolder(tree, folder)) {
			throw new Refused(Status.BAD_REQUEST, "drive.not-a-folder", path);
		}
		// At the top of the drive, the Classes folder stands for the person's classes, not for one of the home.
		var classes = place.prefix().isRoot() && place.path().isRoot() && classFolders.hasClasses(user);
		var entries = new ArrayList<Entry>();
		try (var opened = tree.openFolder(folder)) {
			var listing = opened.listing();
			for (var child : listing) {
				var name = child.getFileName().toString();
				if (name.startsWith(".") || classes && classFolders.isClassesName(name)) {
					continue;
				}
				try {
					var own = listing.getFileAttributeView(child.getFileName(), BasicFileAttributeView.class,
							LinkOption.NOFOLLOW_LINKS).readAttributes();
					var entry = entry(place, folder.resolve(name), own);
					if (entry != null) {
						entries.add(entry);
					}
				}
				catch (IOException gone) {
					// deleted from the desktop while listed
				}
			}
		}
		if (classes) {
			var name = classFolders.names().classes();
			entries.add(new Entry(name, name, true, 0, Instant.EPOCH));
		}
		entries.sort(Comparator.comparing((Entry e) -> !e.folder()).thenComparing(Entry::name, NameOrder.forReader()));
		return entries;
	}

	/** Why nothing can be put into the folder by this person, as a message key, or null when it can. */
	@Nullable String readOnly(CloudroomUser user, String path) throws IOException {
		try {
			return place(user, DrivePath.of(path).child("x")) instanceof Place.Tree tree ? tree.readOnly()
					: "drive.class.fixed";
		}
		catch (Refused notAPlaceForFiles) {
			return "drive.class.fixed";
		}
	}

	/** Files and folders whose name contains the text, ignoring case, at most a hundred. */
	List<Entry> search(CloudroomUser user, String text) throws IOException {
		var home = home(user);
		var tree = home.tree();
		var wanted = text.strip().toLowerCase(Locale.ROOT);
		if (wanted.isEmpty()) {
			return List.of();
		}
		var found = new ArrayList<Entry>();
		try (var opened = tree.openFolder(tree.root())) {
			NoFollow.walk(opened, (folder, names, attributes) -> {
				var name = names.getLast();
				if (name.startsWith(".") || found.size() >= 100) {
					return false;
				}
				if (name.toLowerCase(Locale.ROOT).contains(wanted)
						&& (attributes.isDirectory() || attributes.isRegularFile())) {
					found.add(Entry.of(home.inDrive(new DrivePath(names)), attributes));
				}
				return true;
			});
		}
		found.sort(Comparator.comparing((Entry e) -> !e.folder()).thenComparing(Entry::name, NameOrder.forReader()));
		return found;
	}

	/** A file to read. */
	DriveFile file(CloudroomUser user, String path) throws IOException {
		var place = place(user, DrivePath.of(path)).readable("drive.is-a-folder", path);
		var file = place.tree().inside(existing(place.tree(), place.path()));
		var attributes = place.tree().attributes(file).orElseThrow(Refused::notFound);
		if (attributes.isDirectory()) {
			throw new Refused(Status.BAD_REQUEST, "drive.is-a-folder", path);
		}
		if (!attributes.isRegularFile()) {
			throw new Refused(Status.BAD_REQUEST, "drive.not-a-file", path);
		}
		return new DriveFile(place.tree(), file);
	}

	/** A folder to read, as its real path in the tree it lies in. */
	Zips.Folder folder(CloudroomUser user, String path) throws IOException {
		var place = place(user, DrivePath.of(path)).readable("drive.not-a-folder", path);
		var folder = place.tree().inside(existing(place.tree(), place.path()));
		if (!isFolder(place.tree(), folder)) {
			throw new Refused(Status.BAD_REQUEST, "drive.not-a-folder", path);
		}
		return new Zips.Folder(place.tree(), folder);
	}

	/** Stores a file from a stream of the given length, or -1 when unknown; folders on the way are made. */
	Uploads.Stored upload(CloudroomUser user, String path, long length, InputStream body) throws IOException {
		var place = newFile(user, path);
		return counted(place, uploads.store(upload(user, place, length, null), body, moveIn(user, place)));
	}

	/** Puts a whole file of the person's scratch place at the path: how the upload in parts {@code id} ends. */
	Uploads.Stored upload(CloudroomUser user, String path, Path whole, UUID id) throws IOException {
		var place = newFile(user, path);
		return counted(place, uploads.store(upload(user, place, Files.size(whole), id), whole, moveIn(user, place)));
	}

	/**
	 * Whether the path may take a file of this size: it can be changed and the quota leaves room besides what the
	 * person's uploads in parts under way will take.
	 */
	void requireRoomFor(CloudroomUser user, String path, long size) throws IOException {
		var space = space(newFile(user, path).space(), null);
		if (size > space.quotaBytes() - space.usedBytes()) {
			throw Uploads.overQuota(space.quotaBytes());
		}
	}

	/** An upload of {@code length} bytes to the place, held to what the place may still take. */
	private Uploads.Upload upload(CloudroomUser user, Place.Tree place, long length, @Nullable UUID id)
			throws IOException {
		var space = space(place.space(), id);
		return new Uploads.Upload(user.id(), storage.scratch(user.id()), place.tree(),
				place.tree().resolve(place.path()), length, space.quotaBytes(), space.usedBytes());
	}

	private Uploads.MoveIn moveIn(CloudroomUser user, Place.Tree place) {
		return file -> {
			makeFolders(user, place, place.path().parent());
			own(place, file);
			countFor(place, file);
			HomeTree.move(new HomeTree(file.getParent()), file, place.tree(), place.tree().resolve(place.path()));
		};
	}

	private Uploads.Stored counted(Place.Tree place, Uploads.Stored stored) {
		if (place.space() instanceof Place.SpaceOwner.Person person) {
			usage.add(person.id(), stored.addedBytes());
		}
		return stored;
	}

	void makeFolder(CloudroomUser user, String path) throws IOException {
		var place = place(user, DrivePath.of(path).requireVisibleNames()).writable();
		var folder = place.path();
		var tree = place.tree();
		if (folder.isRoot() || tree.attributes(tree.resolve(folder)).isPresent()) {
			throw new Refused(Status.CONFLICT, "drive.exists", folder.name());
		}
		existingFolder(tree, folder.parent());
		makeFolders(user, place, folder);
	}

	void move(CloudroomUser user, String fromPath, String toPath) throws IOException {
		var from = place(user, DrivePath.of(fromPath)).writable();
		var to = place(user, DrivePath.of(toPath).requireVisibleNames()).writable();
		var source = existing(from.tree(), from.path());
		if (from.path().isRoot() || to.path().isRoot()) {
			throw new Refused(Status.BAD_REQUEST, "drive.path.bad-name", "");
		}
		if (DrivePath.of(toPath).isWithin(DrivePath.of(fromPath))) {
			throw new Refused(Status.BAD_REQUEST, "drive.move.into-itself", from.path().name());
		}
		existingFolder(to.tree(), to.path().parent());
		var target = to.tree().resolve(to.path());
		if (to.tree().attributes(target).isPresent()) {
			throw new Refused(Status.CONFLICT, "drive.exists", to.path().name());
		}
		if (!from.space().equals(to.space())) {
			storage.countFor(from.tree().root(), from.tree().relative(source).names(), personOf(to));
		}
		HomeTree.move(from.tree(), source, to.tree(), target);
		if (!from.space().equals(to.space())) {
			// between the home and a class folder: what each takes is measured again
			measure(user.id());
		}
	}

	TrashEntry delete(CloudroomUser user, String path) throws IOException {
		var place = notTheTop(place(user, DrivePath.of(path)).writable(), path);
		var file = existing(place.tree(), place.path());
		if (personOf(place) == null) {
			storage.countFor(place.tree().root(), place.tree().relative(file).names(), user.id());
		}
		return trash.put(user.id(), place.tree(), file, trashTree(user), place.inDrive(place.path()));
	}

	List<TrashEntry> trash(CloudroomUser user) {
		return trash.of(user.id());
	}

	/** Puts a deleted file back where it was, under a free name like "report (2).txt" if that one is taken. */
	String restore(CloudroomUser user, TrashId id) throws IOException {
		var entry = trash.find(user.id(), id).orElseThrow(Refused::notFound);
		var original = new DrivePath(List.of(entry.path().split("/")));
		var place = place(user, original).writable();
		makeFolders(user, place, place.path().parent());
		var inside = place.path();
		for (int n = 2; place.tree().attributes(place.tree().resolve(inside)).isPresent(); n++) {
			inside = place.path().parent().child(numbered(place.path().name(), n));
		}
		var trashTree = trashTree(user);
		if (personOf(place) == null) {
			storage.countFor(trashTree.root(), List.of(id.toString()), null);
		}
		HomeTree.move(trashTree, trashTree.root().resolve(id.toString()), place.tree(), place.tree().resolve(inside));
		trash.taken(id);
		return place.inDrive(inside).toString();
	}

	void purge(CloudroomUser user, TrashId id) throws IOException {
		var entry = trash.find(user.id(), id).orElseThrow(Refused::notFound);
		trash.purge(storage.trash(user.id()), entry);
		usage.add(user.id(), -entry.size());
	}

	/** What the person keeps: as the filesystem counts it when it holds them to their quota, else as last measured. */
	Space space(PersonId person, Role role) throws IOException {
		var counted = storage.used(person);
		var used = counted.isPresent() ? counted.getAsLong() : usage.of(person).orElse(-1L);
		return Space.of(used >= 0 ? used : measure(person), quotas.of(person, role));
	}

	/**
	 * Measures the home, the trash and the hand-ins afresh, counting what was changed from inside the desktop: the
	 * filesystem's own count when it keeps one, else a walk.
	 */
	long measure(PersonId person) throws IOException {
		var counted = storage.used(person);
		var bytes = counted.isPresent() ? counted.getAsLong()
				: Sizes.of(storage.home(person)) + Sizes.of(storage.trash(person)) + classFolders.handInBytes(person);
		usage.measured(person, bytes);
		return bytes;
	}

	/**
	 * Has the filesystem hold the person to their quota from now on, when it can; while no desktop of theirs runs.
	 * Answers whether it does.
	 */
	boolean enforce(PersonId person, Role role) throws IOException {
		return storage.enforce(person, quotas.of(person, role), classFolders.handInRoots(person, role));
	}

	/** The person's quota changed: the filesystem holds them to the new one at once, when it holds them to one. */
	void quotaChanged(PersonId person, Role role) throws IOException {
		storage.changeQuota(person, quotas.of(person, role));
	}

	/** What is taken and may be, for a write: a person's uploads in parts under way count, but for one of them. */
	private Space space(Place.SpaceOwner owner, @Nullable UUID exceptUpload) throws IOException {
		return switch (owner) {
			case Place.SpaceOwner.Person person -> {
				var space = space(person.id(), person.role());
				yield Space.of(space.usedBytes() + usage.promised(person.id(), exceptUpload), space.quotaBytes());
			}
			case Place.SpaceOwner.ClassMaterials materials ->
				Space.of(Sizes.of(materials.folder()), settings.classMaterialsQuota().toBytes());
		};
	}

	/** Where a path of the person's drive lies: under Classes, or in their home. */
	private Place place(CloudroomUser user, DrivePath path) throws IOException {
		var inClasses = classFolders.place(user, path);
		return inClasses.isPresent() ? inClasses.get() : home(user).withPath(path);
	}

	private Place.Tree home(CloudroomUser user) throws IOException {
		return new Place.Tree(HomeTree.of(storage.home(user.id())), new DrivePath(List.of()), new DrivePath(List.of()),
				user.id(), new Place.SpaceOwner.Person(user.id(), user.role()), null);
	}

	/** Where a file named by the person is to be put: a place they may change, its names visible, not the top. */
	private Place.Tree newFile(CloudroomUser user, String path) throws IOException {
		return notTheTop(place(user, DrivePath.of(path).requireVisibleNames()).writable(), path);
	}

	/** The place, when it is a file or folder and not the top of its tree, which cannot be put or taken. */
	private static Place.Tree notTheTop(Place.Tree place, String path) {
		if (place.path().isRoot()) {
			throw new Refused(Status.BAD_REQUEST, "drive.path.bad-name", path);
		}
		return place;
	}

	private void own(Place.Tree place, Path path) throws IOException {
		if (place.owner() != null) {
			storage.own(path, place.owner());
		}
	}

	/** Whose quota a place counts towards: its person's, or nobody's for a class's materials. */
	private static @Nullable PersonId personOf(Place.Tree place) {
		return place.space() instanceof Place.SpaceOwner.Person person ? person.id() : null;
	}

	/** Counts something the server made in the person's scratch place for the place it is moved to. */
	private void countFor(Place.Tree place, Path scratchFile) throws IOException {
		if (personOf(place) == null) {
			storage.countFor(scratchFile.getParent(), List.of(scratchFile.getFileName().toString()), null);
		}
	}

	private static Path existing(HomeTree tree, DrivePath path) throws IOException {
		var place = tree.resolve(path);
		if (tree.attributes(place).isEmpty()) {
			throw Refused.notFound();
		}
		return place;
	}

	private static void existingFolder(HomeTree tree, DrivePath path) throws IOException {
		if (!isFolder(tree, tree.inside(existing(tree, path)))) {
			throw new Refused(Status.BAD_REQUEST, "drive.not-a-folder", path.toString());
		}
	}

	/** Whether a folder lies at the path, which has no link in it. */
	private static boolean isFolder(HomeTree tree, Path path) throws IOException {
		return tree.attributes(path).map(BasicFileAttributes::isDirectory).orElse(false);
	}

	private HomeTree trashTree(CloudroomUser user) throws IOException {
		return HomeTree.of(storage.trash(user.id()));
	}

	/**
	 * Makes the folders on the way that are missing. Each is made in the person's scratch place, which no desktop
	 * sees, given its owner there and renamed into place, so nothing is ever made through a link.
	 */
	private void makeFolders(CloudroomUser user, Place.Tree place, DrivePath folder) throws IOException {
		var tree = place.tree();
		var scratch = HomeTree.of(storage.scratch(user.id()));
		for (int i = 1; i <= folder.names().size(); i++) {
			var made = tree.resolve(new DrivePath(folder.names().subList(0, i)));
			if (tree.attributes(made).isEmpty()) {
				var temp = Files.createDirectory(scratch.root().resolve(UUID.randomUUID().toString()));
				try {
					own(place, temp);
					countFor(place, temp);
					HomeTree.move(scratch, temp, tree, made);
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			else if (!isFolder(tree, tree.inside(made))) {
				throw new Refused(Status.CONFLICT, "drive.exists", folder.names().get(i - 1));
			}
		}
	}

	private static String numbered(String name, int n) {
		var dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
	}

	/**
	 * A file or folder as listed. A link is shown as what it points to, and only when that lies in the home; FIFOs,
	 * sockets and devices are not shown.
	 */
	private static @Nullable Entry entry(Place.Tree place, Path path, BasicFileAttributes own) throws IOException {
		var tree = place.tree();
		var attributes = own;
		if (own.isSymbolicLink()) {
			try {
				attributes = tree.attributes(tree.inside(path)).orElse(own);
			}
			catch (Refused outside) {
				return null;
			}
		}
		if (!attributes.isDirectory() && !attributes.isRegularFile()) {
			return null;
		}
		return Entry.of(place.inDrive(tree.relative(path)), attributes);
	}

}
