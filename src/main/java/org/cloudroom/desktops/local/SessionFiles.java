package org.cloudroom.desktops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files every desktop's session reads, the server's and read-only in each sandbox: copied from the classpath
 * into {@code <data>/desktops/.session} when the server starts, with the keyboard map Xvnc asks for compiled once
 * ({@code desktop/xkbcomp} says why).
 */
final class SessionFiles {

	private static final Logger log = LoggerFactory.getLogger(SessionFiles.class);
	static final String KEYMAP = "keymap";
	/** Cloudroom's IceWM theme; every desktop's IceWM finds it through a link in its own configuration folder. */
	static final String THEME = "icewm/themes/cloudroom";
	private static final List<String> FILES = Stream.concat(Stream.of("session.sh",
			"icewm/preferences", "icewm/startup", "icewm/theme", "icewm/prefoverride", "icewm/menu", "icewm/toolbar",
			"icewm/menu.zh", "icewm/toolbar.zh", "icewm/winoptions", "icewm/taskbar/start.png",
			"icewm/taskbar/start.zh.png", THEME + "/default.theme", "libreoffice/registrymodifications.xcu",
			"libreoffice/registrymodifications.zh.xcu", "xdg/fcitx5/config", "xdg/gtk-3.0/settings.ini",
			"xdg/gtk-4.0/settings.ini", "gtk-2.0/gtkrc", "xkbcomp", KEYMAP + ".xkb",
			"network", "resolv.conf", "hosts", "etc", "etc.d/chromium.d/cloudroom"),
			Stream.of("close", "maximize", "minimize", "restore").flatMap(button -> Stream.of("A", "I", "O")
				.map(state -> THEME + "/" + button + state + ".xpm"))).toList();
	private static final List<String> EXECUTABLE = List.of("startup", "xkbcomp", "network");

	private SessionFiles() {
	}

	/** Writes the session's files into {@code session}. */
	static void write(Path session) {
		try {
			for (var file : FILES) {
				var target = session.resolve(file);
				Files.createDirectories(target.getParent());
				try (var in = SessionFiles.class.getResourceAsStream("/desktop/" + file)) {
					if (in == null) {
						throw new IllegalStateException("missing desktop/" + file + " on the classpath");
					}
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			compileKeymap(session);
			try (var walk = Files.walk(session)) {
				for (var path : walk.toList()) {
					var executable = Files.isDirectory(path) || EXECUTABLE.contains(path.getFileName().toString());
					Files.setPosixFilePermissions(path,
							PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot prepare " + session, e);
		}
	}

	/** The files Cloudroom adds to folders of a desktop's /etc, by their path below /etc. */
	static java.util.Map<String, Path> etcAdditions(Path session) throws IOException {
		var additions = session.resolve("etc.d");
		try (var walk = Files.walk(additions)) {
			return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(
					file -> additions.relativize(file).toString(), file -> file));
		}
	}

	/** The names and patterns of what a desktop sees of the host's /etc. */
	static List<String> etc(Path session) throws IOException {
		return Files.readAllLines(session.resolve("etc")).stream().map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
	}

	/**
	 * A sandbox runs under its person's uid and must pass through the data directory to reach its own home and
	 * socket directory. The data directory is made passable (not listable); a closed parent is reported clearly.
	 */
	static void requireTraversable(Path data) throws IOException {
		var permissions = Files.getPosixFilePermissions(data);
		permissions.add(PosixFilePermission.OTHERS_EXECUTE);
		permissions.add(PosixFilePermission.GROUP_EXECUTE);
		Files.setPosixFilePermissions(data, permissions);
		for (var dir = data.getParent(); dir != null; dir = dir.getParent()) {
			if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
				throw new IllegalStateException("Desktops run under their own uids and cannot reach " + data + ": "
						+ dir + " is closed to other users. Run 'chmod o+x " + dir + "' or choose another CLOUDROOM_DATA.");
			}
		}
	}

	/**
	 * Compiles the keyboard map Xvnc asks for at every start, as Xvnc would, into the session directory. Without it
	 * (no xkbcomp here), each Xvnc compiles its own, as it would anyway.
	 */
	private static void compileKeymap(Path session) throws IOException {
		var compiled = session.resolve(KEYMAP + ".xkm");
		Files.deleteIfExists(compiled);
		try {
			var xkbcomp = new ProcessBuilder("xkbcomp", "-w", "1", "-R/usr/share/X11/xkb", "-xkm",
					session.resolve(KEYMAP + ".xkb").toString(), compiled.toString()).redirectErrorStream(true).start();
			var output = new String(xkbcomp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (xkbcomp.waitFor() != 0 || !Files.exists(compiled)) {
				log.warn("Could not compile the desktops' keyboard map; each Xvnc compiles its own: {}", output.strip());
			}
		}
		catch (IOException e) {
			log.warn("Could not compile the desktops' keyboard map; each Xvnc compiles its own: {}", e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
