package org.cloudroom.drive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.drive.spi.HomeStorage;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Service;

/**
 * A person's own drive: their home directory, seen and changed from the web. Every path comes from outside and is
 * checked ({@link DrivePath}, {@link HomeTree}); every refusal leaves the drive as it was.
 */
@Service
class Drive {

	/** What a drive takes and may take. */
	record Space(long usedBytes, long quotaBytes) {
	}

	private final HomeStorage storage;
	private final Usage usage;
	private final Quotas quotas;
	private final Trash trash;
	private final Uploads uploads = new Uploads();

	Drive(HomeStorage storage, Usage usage, Quotas quotas, Trash trash) {
		this.storage = storage;
		this.usage = usage;
		this.quotas = quotas;
		this.trash = trash;
	}

	List<Entry> list(CloudroomUser user, String path) throws IOException {
		var tree = tree(user.id());
		var folder = existing(tree, DrivePath.of(path));
		if (!Files.isDirectory(folder)) {
			throw new Refused(Status.BAD_REQUEST, "drive.not-a-folder", path);
		}
		try (var children = Files.list(tree.inside(folder))) {
			return children.filter(child -> !child.getFileName().toString().startsWith("."))
				.map(child -> entry(tree, child)).filter(java.util.Objects::nonNull)
				.sorted(Comparator.comparing((Entry e) -> !e.folder()).thenComparing(e -> e.name().toLowerCase(Locale.ROOT)))
				.toList();
		}
	}

	/** Files and folders whose name contains the text, ignoring case, at most a hundred. */
	List<Entry> search(CloudroomUser user, String text) throws IOException {
		var tree = tree(user.id());
		var wanted = text.strip().toLowerCase(Locale.ROOT);
		if (wanted.isEmpty()) {
			return List.of();
		}
		try (var walk = Files.walk(tree.root())) {
			return walk.filter(p -> !p.equals(tree.root()))
				.filter(p -> tree.relative(p).names().stream().noneMatch(n -> n.startsWith(".")))
				.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains(wanted))
				.limit(100).map(p -> entry(tree, p)).filter(java.util.Objects::nonNull).toList();
		}
	}

	/** A file to read, as its real path inside the home. */
	Path file(CloudroomUser user, String path) throws IOException {
		var tree = tree(user.id());
		var file = tree.inside(existing(tree, DrivePath.of(path)));
		if (!Files.isRegularFile(file)) {
			throw new Refused(Status.BAD_REQUEST, "drive.is-a-folder", path);
		}
		return file;
	}

	/** A folder to read, as its real path inside the home, with the tree it lies in. */
	HomeTree folder(CloudroomUser user, String path) throws IOException {
		var tree = tree(user.id());
		var folder = tree.inside(existing(tree, DrivePath.of(path)));
		if (!Files.isDirectory(folder)) {
			throw new Refused(Status.BAD_REQUEST, "drive.not-a-folder", path);
		}
		return new HomeTree(folder);
	}

	/** Stores a file from a stream of the given length, or -1 when unknown; folders on the way are made. */
	Uploads.Stored upload(CloudroomUser user, String path, long length, InputStream body) throws IOException {
		var target = DrivePath.of(path);
		if (target.isRoot()) {
			throw new Refused(Status.BAD_REQUEST, "drive.path.bad-name", path);
		}
		var tree = tree(user.id());
		var space = space(user.id(), user.role());
		var stored = uploads.store(new Uploads.Upload(user.id(), storage.scratch(user.id()),
				tree.resolve(target), length, space.quotaBytes(), space.usedBytes()), body,
				file -> {
					makeFolders(user.id(), tree, target.parent());
					storage.own(file, user.id());
				});
		usage.add(user.id(), stored.addedBytes());
		return stored;
	}

	void makeFolder(CloudroomUser user, String path) throws IOException {
		var folder = DrivePath.of(path);
		var tree = tree(user.id());
		var place = tree.resolve(folder);
		if (folder.isRoot() || Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
			throw new Refused(Status.CONFLICT, "drive.exists", folder.name());
		}
		existingFolder(tree, folder.parent());
		makeFolders(user.id(), tree, folder);
	}

	void move(CloudroomUser user, String fromPath, String toPath) throws IOException {
		var from = DrivePath.of(fromPath);
		var to = DrivePath.of(toPath);
		var tree = tree(user.id());
		var source = existing(tree, from);
		if (from.isRoot() || to.isRoot()) {
			throw new Refused(Status.BAD_REQUEST, "drive.path.bad-name", "");
		}
		if (to.isWithin(from)) {
			throw new Refused(Status.BAD_REQUEST, "drive.move.into-itself", from.name());
		}
		existingFolder(tree, to.parent());
		var target = tree.resolve(to);
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			throw new Refused(Status.CONFLICT, "drive.exists", to.name());
		}
		Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
	}

	TrashEntry delete(CloudroomUser user, String path) throws IOException {
		var gone = DrivePath.of(path);
		if (gone.isRoot()) {
			throw new Refused(Status.BAD_REQUEST, "drive.path.bad-name", path);
		}
		var tree = tree(user.id());
		return trash.put(user.id(), storage.trash(user.id()), existing(tree, gone), gone);
	}

	List<TrashEntry> trash(CloudroomUser user) {
		return trash.of(user.id());
	}

	/** Puts a deleted file back where it was, under a free name like "report (2).txt" if that one is taken. */
	String restore(CloudroomUser user, UUID id) throws IOException {
		var entry = trash.find(user.id(), id).orElseThrow(Refused::notFound);
		var tree = tree(user.id());
		var original = new DrivePath(List.of(entry.path().split("/")));
		makeFolders(user.id(), tree, original.parent());
		var place = original;
		for (int n = 2; Files.exists(tree.resolve(place), LinkOption.NOFOLLOW_LINKS); n++) {
			place = original.parent().child(numbered(original.name(), n));
		}
		Files.move(storage.trash(user.id()).resolve(id.toString()), tree.resolve(place),
				StandardCopyOption.ATOMIC_MOVE);
		trash.taken(id);
		return place.toString();
	}

	void purge(CloudroomUser user, UUID id) throws IOException {
		var entry = trash.find(user.id(), id).orElseThrow(Refused::notFound);
		trash.purge(storage.trash(user.id()), entry);
		usage.add(user.id(), -entry.size());
	}

	Space space(PersonId person, Role role) throws IOException {
		var used = usage.of(person);
		return new Space(used.isPresent() ? used.get() : measure(person), quotas.of(person, role));
	}

	/** Measures the home and the trash afresh, counting what was changed from inside the desktop. */
	long measure(PersonId person) throws IOException {
		var bytes = Sizes.of(storage.home(person)) + Sizes.of(storage.trash(person));
		usage.measured(person, bytes);
		return bytes;
	}

	private HomeTree tree(PersonId person) throws IOException {
		return HomeTree.of(storage.home(person));
	}

	private static Path existing(HomeTree tree, DrivePath path) {
		var place = tree.resolve(path);
		if (!Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
			throw Refused.notFound();
		}
		return place;
	}

	private static void existingFolder(HomeTree tree, DrivePath path) {
		if (!Files.isDirectory(tree.inside(existing(tree, path)))) {
			throw new Refused(Status.BAD_REQUEST, "drive.not-a-folder", path.toString());
		}
	}

	private void makeFolders(PersonId person, HomeTree tree, DrivePath folder) throws IOException {
		for (int i = 1; i <= folder.names().size(); i++) {
			var place = tree.resolve(new DrivePath(folder.names().subList(0, i)));
			if (!Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
				Files.createDirectory(place);
				storage.own(place, person);
			}
			else if (!Files.isDirectory(tree.inside(place))) {
				throw new Refused(Status.CONFLICT, "drive.exists", folder.names().get(i - 1));
			}
		}
	}

	private static String numbered(String name, int n) {
		var dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
	}

	private static @org.jspecify.annotations.Nullable Entry entry(HomeTree tree, Path path) {
		try {
			// A link is shown as what it points to, and only when that lies in the home.
			var attributes = Files.readAttributes(tree.inside(path), java.nio.file.attribute.BasicFileAttributes.class);
			return new Entry(path.getFileName().toString(), tree.relative(path).toString(), attributes.isDirectory(),
					attributes.isDirectory() ? 0 : attributes.size(), attributes.lastModifiedTime().toInstant());
		}
		catch (IOException | RuntimeException goneOrOutside) {
			return null;
		}
	}
}
