package org.cloudroom.drive;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a hand-in folder read-only for its student, from the web and from a running desktop alike: everything in
 * it becomes the server's, folders {@code r-xr-xr-x} and files {@code r--r--r--}. Links are changed, never followed.
 */
final class Seals {

	private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

	private Seals() {
	}

	static void seal(Path folder) throws IOException {
		// Top down: a folder is the server's before what is in it is listed, so nothing new appears behind us.
		Files.walkFileTree(folder, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				seal(dir, "r-xr-xr-x");
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				if (attrs.isRegularFile()) {
					seal(file, "r--r--r--");
				}
				else if (AS_ROOT && attrs.isSymbolicLink()) {
					Files.setAttribute(file, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
				}
				return FileVisitResult.CONTINUE;
			}
		});
	}

	private static void seal(Path path, String permissions) throws IOException {
		if (AS_ROOT) {
			Files.setAttribute(path, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
			Files.setAttribute(path, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
		}
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
	}
}
