package org.cloudroom.drive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Optional;

import org.cloudroom.drive.posix.NoFollow;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;

/**
 * Finds a {@link DrivePath} inside one home and never outside it. A symbolic link made inside the home (from the
 * desktop) is followed only when it points into the same home; one that points out, or nowhere, is refused. What is
 * then opened, read, listed, moved or measured is reached from the home's root one name at a time, following no
 * link ({@link NoFollow}): a folder swapped for a link after the check (from a desktop, say) makes the operation
 * fail rather than lead outside, and a FIFO or socket where a file or folder was is refused, never waited for.
 *
 * @param root the home, as its real path
 */
record HomeTree(Path root) {

	static HomeTree of(Path home) throws IOException {
		return new HomeTree(home.toRealPath());
	}

	/**
	 * The file or folder at the path, which need not exist: every folder on the way is the real one, and the last
	 * name is kept as it is, so a link inside the home is itself moved or deleted, not what it points to.
	 */
	Path resolve(DrivePath path) {
		var current = root;
		var names = path.names();
		for (int i = 0; i < names.size(); i++) {
			current = current.resolve(names.get(i));
			if (i < names.size() - 1 || Files.isSymbolicLink(current)) {
				var real = inside(current);
				current = i < names.size() - 1 ? real : current;
			}
		}
		return current;
	}

	/** The path with every link followed, when it lies in the home. */
	Path inside(Path path) {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return path;
		}
		try {
			var real = path.toRealPath();
			if (real.startsWith(root)) {
				return real;
			}
		}
		catch (IOException dangling) {
			// a link to nothing is as good as a link out
		}
		throw outside();
	}

	/** The attributes of what lies at the path itself, a link's own rather than its target's; empty when nothing. */
	Optional<BasicFileAttributes> attributes(Path path) throws IOException {
		if (path.equals(root)) {
			try (var opened = openFolder(root)) {
				return Optional.of(opened.listing().getFileAttributeView(BasicFileAttributeView.class).readAttributes());
			}
		}
		try (var folder = openFolder(path.getParent())) {
			return Optional.of(folder.listing()
				.getFileAttributeView(name(path), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
				.readAttributes());
		}
		catch (NoSuchFileException gone) {
			return Optional.empty();
		}
		catch (Refused parentGone) {
			if (parentGone.status() == Status.NOT_FOUND) {
				return Optional.empty();
			}
			throw parentGone;
		}
	}

	/** Moves a file or folder with one rename, relative to the folders on both sides opened without following links. */
	static void move(HomeTree fromTree, Path from, HomeTree toTree, Path to) throws IOException {
		try (var source = fromTree.openFolder(from.getParent()); var target = toTree.openFolder(to.getParent())) {
			source.listing().move(name(from), target.listing(), name(to));
		}
	}

	/**
	 * Opens a regular file of the tree to read; a FIFO, socket or anything else there is refused, and so is a second
	 * name of a file of root's, which only a hard link made on the desktop can be (of the shadow file, say, on a
	 * host that allows links to files one does not own).
	 */
	FileChannel read(Path file) throws IOException {
		try (var folder = openFolder(file.getParent()); var opened = NoFollow.file(folder, file.getFileName().toString())) {
			if (!mayBeRead(opened)) {
				throw outside();
			}
			return opened.channel();
		}
		catch (NoSuchFileException gone) {
			throw Refused.notFound();
		}
		catch (NoFollow.NotAFile notAFile) {
			throw new Refused(Status.BAD_REQUEST, "drive.not-a-file", file.getFileName().toString());
		}
		catch (FileSystemException swappedForALink) {
			throw outside();
		}
	}

	/** Whether a regular file opened in a tree may be read out: it is not a hard link to a file of root's. */
	static boolean mayBeRead(NoFollow.Opened file) throws IOException {
		var attributes = Files.readAttributes(file.path(), "unix:nlink,uid");
		return (Integer) attributes.get("nlink") == 1 || (Integer) attributes.get("uid") != 0;
	}

	/** Opens a folder of the tree from its root, one name at a time, following no link on the way. */
	NoFollow.Opened openFolder(Path folder) throws IOException {
		var names = relative(folder).names();
		try (var top = NoFollow.folder(root)) {
			return NoFollow.folder(top, names);
		}
		catch (NoSuchFileException gone) {
			throw Refused.notFound();
		}
		catch (NotDirectoryException notAFolder) {
			throw new Refused(Status.BAD_REQUEST, "drive.not-a-folder", notAFolder.getFile());
		}
		catch (FileSystemException swappedForALink) {
			throw outside();
		}
	}

	/** The path's names from the root; a path that does not lie below the root is refused. */
	DrivePath relative(Path path) {
		if (!path.startsWith(root)) {
			throw outside();
		}
		var names = new ArrayList<String>();
		root.relativize(path).forEach(name -> names.add(name.toString()));
		return new DrivePath(names.stream().filter(n -> !n.isEmpty()).toList());
	}

	private static Path name(Path path) {
		return Path.of(path.getFileName().toString());
	}

	private static Refused outside() {
		return new Refused(Status.FORBIDDEN, "drive.path.outside");
	}
}
