package org.cloudroom.desktops.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * A desktop's folder on the host, {@code <data>/desktops/<id>}, the server's own: what its sandbox reads (passwd,
 * group, machine-id, IceWM's configuration with the live menu), read-only; what only the server reads (the menu's
 * base, the desktop's language, its sandbox's pid, the session's log); and {@code vnc/}, where Xvnc makes its
 * socket. That one folder belongs to the desktop's uid only until Xvnc listens, before anything of the person's
 * runs: then it becomes the server's, so nothing done inside the desktop can change what the server connects to.
 */
record RunDirectory(Path path) {

	private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

	static RunDirectory of(Path desktops, UUID desktop) {
		return new RunDirectory(desktops.resolve(desktop.toString()));
	}

	/** A file of the server's in the folder. */
	Path file(String name) {
		return path.resolve(name);
	}

	Path icewm() {
		return path.resolve("icewm");
	}

	Path vnc() {
		return path.resolve("vnc");
	}

	Path socket() {
		return vnc().resolve("vnc.sock");
	}

	/** Makes the folder, the server's and passable, with {@code vnc/} for the desktop's uid alone. */
	void make(int uid, boolean asRoot) throws IOException {
		Files.createDirectory(path);
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx--x--x"));
		Files.createDirectory(icewm());
		Files.setPosixFilePermissions(icewm(), PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.createDirectory(vnc());
		Files.setPosixFilePermissions(vnc(), PosixFilePermissions.fromString("rwx------"));
		if (asRoot) {
			own(vnc(), uid);
		}
	}

	/**
	 * Takes {@code vnc/} from the desktop once Xvnc listens there: from now on only the server may change what is in
	 * it. Refuses anything but a socket where Xvnc's should be.
	 */
	void takeSocket(boolean asRoot) throws IOException {
		if (asRoot) {
			own(vnc(), 0);
		}
		Files.setPosixFilePermissions(vnc(), PosixFilePermissions.fromString("r-x------"));
		requireSocket();
	}

	/**
	 * The uid that owns the socket, checked to lie in a folder of the server's and to be a socket: the desktop's
	 * own X server made it, as nothing else of the desktop's ran before the server took the folder.
	 */
	int socketOwner(boolean asRoot) throws IOException {
		var folder = Files.readAttributes(vnc(), PosixFileAttributes.class, NOFOLLOW);
		if (!folder.isDirectory() || asRoot && uid(vnc()) != 0) {
			throw new IOException("the socket folder of desktop " + path.getFileName() + " is not the server's");
		}
		return requireSocket();
	}

	private int requireSocket() throws IOException {
		var socket = Files.readAttributes(socket(), PosixFileAttributes.class, NOFOLLOW);
		if (!socket.isOther() || socket.isSymbolicLink()) {
			throw new IOException("desktop " + path.getFileName() + " has no socket of its own, but something else");
		}
		return uid(socket());
	}

	/** Removes the folder and what is in it, following no link. */
	void delete() throws IOException {
		if (Files.isDirectory(vnc(), NOFOLLOW)) {
			Files.setPosixFilePermissions(vnc(), PosixFilePermissions.fromString("rwx------"));
		}
		deleteWithoutFollowing(path);
	}

	/** Deletes a file or a folder with everything in it, opening each folder without following links. */
	static void deleteWithoutFollowing(Path path) throws IOException {
		if (!Files.isDirectory(path, NOFOLLOW)) {
			Files.deleteIfExists(path);
			return;
		}
		try (var folder = Files.newDirectoryStream(path)) {
			if (!(folder instanceof SecureDirectoryStream<Path> secure)) {
				throw new IOException("this filesystem cannot open folders without following links");
			}
			emptyFolder(secure);
		}
		Files.delete(path);
	}

	private static void emptyFolder(SecureDirectoryStream<Path> folder) throws IOException {
		for (var entry : folder) {
			var name = entry.getFileName();
			var attributes = folder.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
				.readAttributes();
			if (attributes.isDirectory()) {
				try (var child = folder.newDirectoryStream(name, NOFOLLOW)) {
					emptyFolder(child);
				}
				folder.deleteDirectory(name);
			}
			else {
				folder.deleteFile(name);
			}
		}
	}

	private static int uid(Path path) throws IOException {
		return (Integer) Files.getAttribute(path, "unix:uid", NOFOLLOW);
	}

	static void own(Path path, int uid) throws IOException {
		Files.setAttribute(path, "unix:uid", uid, NOFOLLOW);
		Files.setAttribute(path, "unix:gid", uid, NOFOLLOW);
	}
}
