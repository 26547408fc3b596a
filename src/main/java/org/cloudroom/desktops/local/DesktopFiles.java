package org.cloudroom.desktops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.MenuEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each desktop's files on the host: its folder of the server's ({@link RunDirectory}) with its users, machine id and
 * IceWM configuration in its language, its look ({@link DesktopLook}), and its person's home made theirs; written
 * before it starts, its menu rewritten while it runs, all removed when it ends.
 */
final class DesktopFiles {

	private static final Logger log = LoggerFactory.getLogger(DesktopFiles.class);
	private static final String LANGUAGE = "language";
	private static final String MENU_BASE = "menu.base";
	static final String SESSION_LOG = "session.log";
	static final String PID = "pid";

	private final DesktopHost host;

	DesktopFiles(DesktopHost host) {
		this.host = host;
	}

	/** Writes what the desktop's sandbox reads, and makes its home its person's. */
	void write(DesktopSpec spec) throws IOException {
		var run = host.run(spec.id());
		var look = host.look(spec.id());
		run.make(spec.uid(), host.asRoot());
		Files.writeString(run.file("passwd"), passwd(spec));
		Files.writeString(run.file("group"), group(spec));
		Files.writeString(run.file("machine-id"), HexFormat.of().toHexDigits(spec.id().getMostSignificantBits())
				+ HexFormat.of().toHexDigits(spec.id().getLeastSignificantBits()) + "\n");
		copySessionConfiguration(run, spec.locale());
		DesktopLook.write(look, spec);
		personalise(run, spec, look);
		prepareHome(spec);
	}

	/**
	 * Rewrites the desktop's menu in place (IceWM reloads a menu file it sees change) from its base and language:
	 * all three are the server's files in the server's folder, which the desktop reads but cannot change.
	 */
	void applyMenu(UUID desktop, List<MenuEntry> menu) throws IOException {
		var run = host.run(desktop);
		DesktopLook.applyPrograms(host.look(desktop), menu);
		var chinese = Files.readString(run.file(LANGUAGE)).strip().equals("zh");
		var text = SessionMenu.render(Files.readString(run.file(MENU_BASE)), menu, chinese);
		Files.writeString(run.icewm().resolve("menu"), text, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
	}

	/** Removes the desktop's folder and look. */
	void remove(UUID desktop) {
		deleteQuietly(host.run(desktop));
		deleteQuietly(host.look(desktop));
	}

	/** The folders of desktops not among {@code keep}: leftovers of a crash. */
	List<RunDirectory> leftovers(Set<String> keep) throws IOException {
		try (var entries = Files.list(host.root())) {
			return entries.filter(Files::isDirectory)
				.filter(run -> !run.getFileName().toString().startsWith(".")
						&& !keep.contains(run.getFileName().toString()))
				.map(RunDirectory::new).toList();
		}
	}

	void removeLeftover(RunDirectory run) {
		deleteQuietly(run);
	}

	/** Removes the look of every desktop not among {@code keep}. */
	void removeLooksBut(Set<String> keep) throws IOException {
		try (var lookEntries = Files.list(host.looks())) {
			lookEntries.filter(look -> !keep.contains(look.getFileName().toString()))
				.forEach(DesktopFiles::deleteQuietly);
		}
	}

	/** The pid a leftover's folder names, if the folder and its pid file are the server's. */
	Optional<Long> leftoverPid(RunDirectory run) {
		try {
			var pid = run.file(PID);
			if (host.asRoot()
					&& (!Integer.valueOf(0).equals(Files.getAttribute(run.path(), "unix:uid", LinkOption.NOFOLLOW_LINKS))
							|| !Integer.valueOf(0).equals(Files.getAttribute(pid, "unix:uid", LinkOption.NOFOLLOW_LINKS)))) {
				return Optional.empty();
			}
			return Optional.of(Long.parseLong(Files.readString(pid).strip()));
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** The last lines of the session's log, to say why a desktop did not start; empty when there is none. */
	String logTail(UUID desktop) {
		try {
			var lines = Files.readAllLines(host.run(desktop).file(SESSION_LOG));
			return "; session log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
		}
		catch (IOException | UncheckedIOException e) {
			return "";
		}
	}

	/**
	 * Each desktop gets its own IceWM configuration, with the menus and the start button in its language; the theme
	 * is the session's, seen through a link that IceWM follows inside the sandbox.
	 */
	private void copySessionConfiguration(RunDirectory run, Locale locale) throws IOException {
		var session = host.session();
		var chinese = "zh".equals(locale.getLanguage());
		Files.createDirectory(run.icewm().resolve("taskbar"));
		for (var name : List.of("preferences", "prefoverride", "startup", "theme", "menu", "toolbar", "winoptions",
				"taskbar/start.png")) {
			var zh = name.replaceFirst("(\\.png)?$", ".zh$1");
			var source = session.resolve("icewm").resolve(chinese && Files.exists(session.resolve("icewm/" + zh))
					? zh : name);
			Files.copy(source, run.icewm().resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
		}
		Files.createSymbolicLink(run.icewm().resolve("themes"),
				Path.of(Sandbox.SESSION).resolve(SessionFiles.THEME).getParent());
	}

	/** The person's programs in the menu, the profile's browser with its home page, and its wallpaper. */
	private static void personalise(RunDirectory run, DesktopSpec spec, Path look) throws IOException {
		var icewm = run.icewm();
		Files.writeString(run.file(LANGUAGE), spec.locale().getLanguage());
		var browser = spec.look().browser();
		var base = SessionMenu.withBrowser(Files.readString(icewm.resolve("menu")), browser, spec.homePage());
		Files.writeString(run.file(MENU_BASE), base);
		for (var own : List.of(LANGUAGE, MENU_BASE)) {
			Files.setPosixFilePermissions(run.file(own), PosixFilePermissions.fromString("rw-------"));
		}
		var chinese = "zh".equals(spec.locale().getLanguage());
		Files.writeString(icewm.resolve("menu"), SessionMenu.render(base, spec.menu(), chinese));
		Files.writeString(icewm.resolve("toolbar"),
				SessionMenu.withBrowser(Files.readString(icewm.resolve("toolbar")), browser, spec.homePage()));
		Files.writeString(icewm.resolve("prefoverride"),
				SessionMenu.wallpaper(spec.wallpaper()) + DesktopLook.iceWmWallpaper(look),
				StandardOpenOption.APPEND);
	}

	/**
	 * The home is the person's alone: owned by their uid down to the files the server wrote there for them. Nothing
	 * of the person's runs while it is walked, and no link in it is followed.
	 */
	private void prepareHome(DesktopSpec spec) throws IOException {
		var home = spec.home();
		Files.createDirectories(home);
		if (host.asRoot()
				&& !Integer.valueOf(spec.uid()).equals(Files.getAttribute(home, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
			try (var walk = Files.walk(home)) {
				for (var path : walk.toList()) {
					RunDirectory.own(path, spec.uid());
				}
			}
		}
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
	}

	/** The desktop's users: root, nobody and its person; none of the host's own. */
	private static String passwd(DesktopSpec spec) {
		return "root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
				+ Sandbox.passwdLine(spec);
	}

	private static String group(DesktopSpec spec) {
		return "root:x:0:\nnogroup:x:65534:\n%s:x:%d:%n".formatted(spec.username(), spec.uid());
	}

	private static void deleteQuietly(RunDirectory run) {
		try {
			run.delete();
		}
		catch (IOException e) {
			log.warn("Could not remove {}: {}", run.path(), e.getMessage());
		}
	}

	private static void deleteQuietly(Path directory) {
		try {
			RunDirectory.deleteWithoutFollowing(directory);
		}
		catch (IOException e) {
			log.warn("Could not remove {}: {}", directory, e.getMessage());
		}
	}
}
