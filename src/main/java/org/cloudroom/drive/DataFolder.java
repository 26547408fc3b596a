package org.cloudroom.drive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.cloudroom.CloudroomSettings;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Closes the data folder to everyone but the server at each start. Desktops run under uids of their own and pass
 * through {@code <data>}, {@code <data>/homes} and {@code <data>/classes} to the folders bound into them, so those
 * stay {@code rwx--x--x}: passable, not listable. The embedded database ({@code <data>/db}) is the server's alone,
 * {@code rwx------} with its files {@code rw-------}, whatever umask made them.
 */
@Component
class DataFolder {

	private final Path data;

	DataFolder(CloudroomSettings settings) {
		this.data = settings.data().toAbsolutePath().normalize();
	}

	@EventListener(ApplicationStartedEvent.class)
	void close() throws IOException {
		for (var folder : new Path[] { data, data.resolve("homes"), data.resolve("classes") }) {
			Files.createDirectories(folder);
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
		}
		var db = data.resolve("db");
		if (Files.isDirectory(db, LinkOption.NOFOLLOW_LINKS)) {
			Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwx------"));
			try (var files = Files.list(db)) {
				for (var file : files.toList()) {
					if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
					}
				}
			}
		}
	}
}
