package org.cloudroom.desktops.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.MenuEntry;

/**
 * A desktop's look, in a folder of the server's that the sandbox sees read-only at {@link #IN_SANDBOX}: the
 * desktop icons PCManFM shows (it watches their folder, so icons come and go within a second), PCManFM's settings
 * with the wallpaper, the wallpaper image, and the default apps as an XDG {@code mimeapps.list}. Nothing of it is
 * written into the person's home.
 */
final class DesktopLook {

	static final String IN_SANDBOX = "/run/cloudroom-look";
	/** The desktop icons of the person's programs; those of the profile have another prefix and stay. */
	private static final String PROGRAM = "program-";
	private static final String PROFILE = "profile-";

	private DesktopLook() {
	}

	/** Writes the look of a desktop being started into {@code look}. */
	static void write(Path look, DesktopSpec spec) throws IOException {
		var icons = Files.createDirectories(look.resolve("icons"));
		var config = look.resolve("config");
		var wallpaper = spec.look().wallpaperImage();
		var image = "";
		if (wallpaper != null && Files.isRegularFile(wallpaper)) {
			var name = wallpaper.getFileName().toString().toLowerCase(Locale.ROOT);
			image = "wallpaper" + name.substring(Math.max(0, name.lastIndexOf('.')));
			Files.copy(wallpaper, look.resolve(image), StandardCopyOption.REPLACE_EXISTING);
		}
		write(config.resolve("pcmanfm/default/desktop-items-0.conf"), """
				[*]
				wallpaper_mode=%s
				wallpaper=%s
				desktop_bg=%s
				desktop_fg=#ffffff
				desktop_shadow=#000000
				show_wm_menu=0
				show_documents=0
				show_trash=0
				show_mounts=0
				folder=%s/icons
				""".formatted(image.isEmpty() ? "color" : "stretch", image.isEmpty() ? "" : IN_SANDBOX + "/" + image,
				spec.wallpaper().isEmpty() ? "#2f7de1" : spec.wallpaper(), IN_SANDBOX));
		// no confirmation before an icon starts its program; no Desktop folder made in the home
		write(config.resolve("libfm/libfm.conf"), "[config]\nquick_exec=1\n");
		write(config.resolve("user-dirs.dirs"), "XDG_DESKTOP_DIR=\"%s/icons\"\n".formatted(IN_SANDBOX));
		var mimeApps = new StringBuilder("[Default Applications]\n");
		spec.look().defaultApps().forEach((type, app) -> mimeApps.append(type).append('=').append(app).append('\n'));
		write(look.resolve("xdg/mimeapps.list"), mimeApps.toString());
		writeIcons(icons, PROFILE, spec.look().icons());
		writeIcons(icons, PROGRAM, spec.menu());
		if (!image.isEmpty()) {
			Files.setPosixFilePermissions(look.resolve(image), PosixFilePermissions.fromString("rw-r--r--"));
		}
	}

	/** The desktop icons of the person's programs from now on. */
	static void applyPrograms(Path look, List<MenuEntry> programs) throws IOException {
		writeIcons(look.resolve("icons"), PROGRAM, programs);
	}

	/** IceWM's settings for the wallpaper image, drawn from the first frame on, before PCManFM draws it too. */
	static String iceWmWallpaper(Path look) throws IOException {
		try (var files = Files.list(look)) {
			return files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith("wallpaper."))
				.findFirst().map(name -> "DesktopBackgroundImage=\"%s/%s\"%nDesktopBackgroundScaled=1%n"
					.formatted(IN_SANDBOX, name))
				.orElse("");
		}
	}

	/**
	 * Writes an icon for each program and then removes those of programs no longer given, so PCManFM, which
	 * watches the folder, never shows an empty desktop in between.
	 */
	private static void writeIcons(Path icons, String prefix, List<MenuEntry> programs) throws IOException {
		Set<String> kept = new HashSet<>();
		for (int i = 0; i < programs.size(); i++) {
			var program = programs.get(i);
			var command = program.command().replaceAll("[\\r\\n]", " ").strip();
			if (command.isEmpty()) {
				continue;
			}
			var name = "%s%02d-%s.desktop".formatted(prefix, i, program.name().replaceAll("[^A-Za-z0-9]+", "-")
				.toLowerCase(Locale.ROOT));
			kept.add(name);
			// the program runs with the person's own settings, not those PCManFM runs with
			write(icons.resolve(name), """
					[Desktop Entry]
					Type=Application
					Name=%s
					Name[zh_CN]=%s
					Icon=%s
					Exec=env -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_CONFIG_DIRS %s
					""".formatted(line(program.name()), line(program.chineseName().isBlank() ? program.name()
					: program.chineseName()), line(program.icon()), command));
			Files.setPosixFilePermissions(icons.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		try (var files = Files.list(icons)) {
			for (var file : files.toList()) {
				var name = file.getFileName().toString();
				if (name.startsWith(prefix) && !kept.contains(name)) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	private static String line(String text) {
		return text.replaceAll("[\\r\\n]", " ").strip();
	}

	private static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		var temporary = file.resolveSibling("." + file.getFileName() + ".new");
		Files.writeString(temporary, text);
		Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
