package org.cloudroom.drive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.channels.SeekableByteChannel;
import java.util.Set;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;

/**
 * Finds a {@link DrivePath} inside one home and never outside it. A symbolic link made inside the home (from the
 * desktop) is followed only when it points into the same home; one that points out, or nowhere, is refused.
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
		throw new Refused(Status.FORBIDDEN, "drive.path.outside");
	}

	/**
	 * Moves a file or folder with one rename, relative to the folders on both sides opened name by name without
	 * following links: a folder swapped for a link after the paths were checked (from a desktop, say) makes the
	 * move fail rather than lead outside.
	 */
	static void move(HomeTree fromTree, Path from, HomeTree toTree, Path to) throws IOException {
		try (var source = fromTree.openFolder(from.getParent()); var target = toTree.openFolder(to.getParent())) {
			source.move(from.getFileName(), target, to.getFileName());
		}
	}

	/** Opens a file of the tree to read, through folders opened without following links. */
	SeekableByteChannel read(Path file) throws IOException {
		try (var folder = openFolder(file.getParent())) {
			return folder.newByteChannel(file.getFileName(), Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
		}
	}

	/** Opens a folder of the tree from its root, one name at a time, following no link on the way. */
	SecureDirectoryStream<Path> openFolder(Path folder) throws IOException {
		if (!(Files.newDirectoryStream(root) instanceof SecureDirectoryStream<Path> current)) {
			throw new IOException("this filesystem cannot open folders without following links");
		}
		for (var name : relative(folder).names()) {
			try (var parent = current) {
				current = parent.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
			}
			catch (NoSuchFileException gone) {
				throw Refused.notFound();
			}
			catch (FileSystemException swappedForALink) {
				throw new Refused(Status.FORBIDDEN, "drive.path.outside");
			}
		}
		return current;
	}

	DrivePath relative(Path path) {
		var names = new java.util.ArrayList<String>();
		root.relativize(path).forEach(name -> names.add(name.toString()));
		return new DrivePath(names.stream().filter(n -> !n.isEmpty()).toList());
	}
}
