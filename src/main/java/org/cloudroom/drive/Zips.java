package org.cloudroom.drive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder written as a zip while it is read, file by file, never held whole. Links are left out, so a zip holds
 * only what lies in the folder itself; hidden files (a desktop's settings) are left out too.
 */
final class Zips {

	private Zips() {
	}

	static void write(HomeTree folder, OutputStream out) throws IOException {
		var zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
		add(zip, folder, "");
		zip.finish();
	}

	/** Adds what lies in the folder to the zip, each name after the prefix. */
	static void add(ZipOutputStream zip, HomeTree folder, String prefix) throws IOException {
		try (var walk = Files.walk(folder.root())) {
			for (var path : (Iterable<java.nio.file.Path>) walk::iterator) {
				var names = folder.relative(path).names();
				if (names.isEmpty() || names.stream().anyMatch(n -> n.startsWith("."))
						|| Files.isSymbolicLink(path)) {
					continue;
				}
				var directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
				var entry = new ZipEntry(prefix + String.join("/", names) + (directory ? "/" : ""));
				entry.setLastModifiedTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS));
				zip.putNextEntry(entry);
				if (!directory) {
					Files.copy(path, zip);
				}
				zip.closeEntry();
			}
		}
	}
}
