package org.cloudroom.drive;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;

import org.cloudroom.drive.posix.NoFollow;

/**
 * Makes a hand-in folder read-only for its student, from the web and from a running desktop alike: everything in
 * it becomes the server's, folders {@code r-xr-xr-x} and files {@code r--r--r--}. It goes top down, each folder the
 * server's before what is in it is read, so the student can no longer rename or swap anything below; each file and
 * folder is changed through a descriptor opened without following links, so a link is never followed. Only the
 * student's own files are changed, and the server's own when they have no other name: a hard link to a file of
 * someone else (the shadow file, on a host that allows such links) is left as it is rather than made readable.
 */
final class Seals {

	private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));
	private static final int SERVER = server();

	private Seals() {
	}

	/**
	 * Seals the folder at a path whose parent only the server changes.
	 *
	 * @param student the uid the student's files belong to, when they have one
	 */
	static void seal(Path folder, OptionalInt student) throws IOException {
		try (var top = NoFollow.folder(folder)) {
			seal(top.path(), "r-xr-xr-x");
			NoFollow.walk(top, (parent, path, attributes) -> {
				var name = path.getLast();
				try {
					if (attributes.isDirectory()) {
						try (var inside = NoFollow.folder(parent, name)) {
							seal(inside.path(), "r-xr-xr-x");
						}
					}
					else if (attributes.isRegularFile()) {
						try (var file = NoFollow.file(parent, name)) {
							if (isTheStudents(file.path(), student)) {
								seal(file.path(), "r--r--r--");
							}
						}
					}
					else if (AS_ROOT && attributes.isSymbolicLink()) {
						Files.setAttribute(parent.path().resolve(name), "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
					}
				}
				catch (FileSystemException swappedOrGone) {
					// no longer there as it was listed: nothing to seal
				}
				return true;
			});
		}
	}

	private static boolean isTheStudents(Path file, OptionalInt student) throws IOException {
		var owner = (Integer) Files.getAttribute(file, "unix:uid");
		var links = (Integer) Files.getAttribute(file, "unix:nlink");
		return student.isPresent() && owner == student.getAsInt() || owner == SERVER && links == 1;
	}

	private static int server() {
		try {
			return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
		}
		catch (IOException | UnsupportedOperationException e) {
			return 0;
		}
	}

	private static void seal(Path path, String permissions) throws IOException {
		if (AS_ROOT) {
			Files.setAttribute(path, "unix:uid", 0);
			Files.setAttribute(path, "unix:gid", 0);
		}
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
	}
}
