package org.cloudroom.drive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

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

	DrivePath relative(Path path) {
		var names = new java.util.ArrayList<String>();
		root.relativize(path).forEach(name -> names.add(name.toString()));
		return new DrivePath(names.stream().filter(n -> !n.isEmpty()).toList());
	}
}
