package org.cloudroom.drive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cloudroom.drive.posix.NoFollow;

/**
 * A folder written as a zip while it is read, file by file, never held whole. Only folders and regular files go in:
 * links, FIFOs, sockets and hard links to root's files are left out, so a zip holds only what lies in the folder itself and never waits on a
 * pipe; hidden files (a desktop's settings) are left out too. What is swapped or deleted while it is read is passed
 * over.
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
			NoFollow.walk(opened, (parent, path, attributes) -> {
				var name = path.getLast();
				if (name.startsWith(".")) {
					return false;
				}
				var entry = new ZipEntry(prefix + String.join("/", path) + (attributes.isDirectory() ? "/" : ""));
				entry.setLastModifiedTime(attributes.lastModifiedTime());
				if (attributes.isDirectory()) {
					zip.putNextEntry(entry);
					zip.closeEntry();
					return true;
				}
				if (attributes.isRegularFile()) {
					try (var file = NoFollow.file(parent, name); var in = file.channel()) {
						if (!HomeTree.mayBeRead(file)) {
							return false;
						}
						zip.putNextEntry(entry);
						Channels.newInputStream(in).transferTo(zip);
						zip.closeEntry();
					}
					catch (FileSystemException swappedOrGone) {
						// no longer a regular file of that name: left out
					}
				}
				return false;
			});
		}
	}
}
