package org.cloudroom.desktops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This machine made ready for desktops: the server's folders under {@code <data>/desktops} (the session's files, the
 * desktops' looks, their copy of /etc), whether the server runs as root, whether desktops get a network of their own,
 * and the control groups they run in.
 *
 * @param root {@code <data>/desktops}, where each desktop has its folder ({@link RunDirectory})
 * @param session the files every desktop's session reads ({@link SessionFiles})
 * @param looks where each desktop's look lies ({@link DesktopLook})
 */
record DesktopHost(Path root, Path session, Path looks, boolean asRoot, boolean ownNetwork, HostEtc etc,
		ControlGroups controlGroups) {

	private static final Logger log = LoggerFactory.getLogger(DesktopHost.class);
	/** A Unix socket's path has at most 107 bytes (108 with its terminating zero, in {@code sockaddr_un}). */
	private static final int MAX_SOCKET_PATH = 107;
	static final String SLIRP4NETNS = "/usr/bin/slirp4netns";
	private static final Path CONTROL_GROUPS = Path.of("/sys/fs/cgroup");

	/**
	 * Prepares the host: refuses a data directory too deep for the desktops' sockets, writes the session's files and
	 * brings the desktops' /etc up to date.
	 */
	static DesktopHost prepare(Path dataDirectory, boolean ownNetwork, String controlGroup, Clock clock) {
		var root = dataDirectory.resolve("desktops").toAbsolutePath();
		var session = root.resolve(".session");
		var looks = root.resolve(".look");
		var asRoot = "root".equals(System.getProperty("user.name"));
		var networked = ownNetwork && asRoot && Files.isExecutable(Path.of(SLIRP4NETNS));
		if (ownNetwork && !networked) {
			log.warn("Desktops share the host's network: a network of their own needs the server to run as root "
					+ "and {} (Debian package slirp4netns)", SLIRP4NETNS);
		}
		var socket = RunDirectory.of(root, new UUID(0, 0)).socket().toString();
		if (socket.getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
			throw new IllegalStateException("The data directory " + dataDirectory.toAbsolutePath()
					+ " is too deep for desktops: their VNC sockets (" + socket + ") would be longer than the "
					+ MAX_SOCKET_PATH + " bytes a Unix socket path may have. Choose a shorter cloudroom.data.");
		}
		makeFolders(root, session, looks, asRoot);
		var etc = hostEtc(root, session, networked, clock);
		etc.refresh();
		return new DesktopHost(root, session, looks, asRoot, networked, etc,
				ControlGroups.on(CONTROL_GROUPS, controlGroup, asRoot));
	}

	private static void makeFolders(Path root, Path session, Path looks, boolean asRoot) {
		try {
			Files.createDirectories(root);
			Files.createDirectories(looks);
			Files.setPosixFilePermissions(looks, PosixFilePermissions.fromString("rwx--x--x"));
			if (asRoot) {
				SessionFiles.requireTraversable(root.getParent());
			}
			SessionFiles.write(session);
			// Sandboxes may pass through (to bind their own folders) but not list it.
			Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot prepare " + root, e);
		}
	}

	/** What desktops see of the host's /etc: what {@code desktop/etc} names, with Cloudroom's additions. */
	private static HostEtc hostEtc(Path root, Path session, boolean ownNetwork, Clock clock) {
		try {
			return new HostEtc(Path.of("/etc"), root.resolve(".etc"), SessionFiles.etc(session),
					SessionFiles.etcAdditions(session), session.resolve("hosts"),
					ownNetwork ? session.resolve("resolv.conf") : Path.of("/etc/resolv.conf"), clock);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + session, e);
		}
	}

	/** The folder of the server's for this desktop. */
	RunDirectory run(UUID desktop) {
		return RunDirectory.of(root, desktop);
	}

	/** Where this desktop's look lies. */
	Path look(UUID desktop) {
		return looks.resolve(desktop.toString());
	}
}
