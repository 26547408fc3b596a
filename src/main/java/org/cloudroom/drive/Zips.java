package org.cloudroom.drive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.util.Set;
import java.nio.file.LinkOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder written as a zip while it is read, file by file, never held whole. Links are left out, so a zip holds
 * only what lies in the folder itself; hidden files (a desktop's settings) are left out too.
 */
final class Zips {

	/** A folder to zip: its real path, in the tree it lies in. */
	record Folder(HomeTree tree, Path path) {
	}

	private Zips() {
	}

	static void write(Folder folder, OutputStream out) throws IOException {
		var zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
		add(zip, folder, "");
		zip.finish();
	}

	/** Adds what lies in the folder to the zip, each name after the prefix. */
	static void add(ZipOutputStream zip, Folder folder, String prefix) throws IOException {
		try (var opened = folder.tree().openFolder(folder.path())) {
			add(zip, opened, prefix);
		}
	}

	private static void add(ZipOutputStream zip, SecureDirectoryStream<Path> folder, String prefix)
			throws IOException {
		for (var child : folder) {
			var name = child.getFileName();
			if (name.toString().startsWith(".")) {
				continue;
			}
			var attributes = folder.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
				.readAttributes();
			var entry = new ZipEntry(prefix + name + (attributes.isDirectory() ? "/" : ""));
			entry.setLastModifiedTime(attributes.lastModifiedTime());
			if (attributes.isDirectory()) {
				zip.putNextEntry(entry);
				zip.closeEntry();
				try (var inside = folder.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
					add(zip, inside, entry.getName());
				}
			}
			else if (attributes.isRegularFile()) {
				zip.putNextEntry(entry);
				try (var in = folder.newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
					Channels.newInputStream(in).transferTo(zip);
				}
				zip.closeEntry();
			}
		}
	}
}
