package org.cloudroom.desktops.spi;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to start: a desktop for one person, with their home as its only persistent writable place.
 *
 * @param id the desktop's id, unique for its lifetime
 * @param username the person's username, shown as the desktop's name
 * @param home the person's home directory on the desktop host
 * @param uid the uid the desktop runs under, its own for each person
 * @param locale the language of the desktop
 * @param menu the programs its start menu offers besides the desktop's own
 * @param wallpaper the background colour as {@code #rrggbb}, or empty for the desktop's own
 * @param homePage the web browser's home page, or empty for the browser's own
 * @param mounts folders shown inside the home that lie elsewhere: class materials, hand-in folders
 * @param look the wallpaper image, desktop icons and default apps of the school's profile
 * @param timeZone the zone of the desktop's clock: the schools' ({@code cloudroom.time-zone})
 * @param limits what the desktop may take of the host
 */
public record DesktopSpec(UUID id, String username, Path home, int uid, Locale locale, int width, int height,
		List<MenuEntry> menu, String wallpaper, String homePage, List<Mount> mounts, Look look, ZoneId timeZone,
		Limits limits) {

	/** A desktop with Cloudroom's default limits. */
	public DesktopSpec(UUID id, String username, Path home, int uid, Locale locale, int width, int height,
			List<MenuEntry> menu, String wallpaper, String homePage, List<Mount> mounts, Look look, ZoneId timeZone) {
		this(id, username, home, uid, locale, width, height, menu, wallpaper, homePage, mounts, look, timeZone,
				Limits.DEFAULT);
	}

	/** A desktop whose clock shows Beijing time, Cloudroom's default. */
	public DesktopSpec(UUID id, String username, Path home, int uid, Locale locale, int width, int height,
			List<MenuEntry> menu, String wallpaper, String homePage, List<Mount> mounts, Look look) {
		this(id, username, home, uid, locale, width, height, menu, wallpaper, homePage, mounts, look,
				ZoneId.of("Asia/Shanghai"));
	}

	/** The same desktop with other limits. */
	public DesktopSpec withLimits(Limits other) {
		return new DesktopSpec(id, username, home, uid, locale, width, height, menu, wallpaper, homePage, mounts, look,
				timeZone, other);
	}

	/** A desktop as Cloudroom's session is by default, with no programs or folders of its own. */
	public DesktopSpec(UUID id, String username, Path home, int uid, Locale locale, int width, int height) {
		this(id, username, home, uid, locale, width, height, List.of(), "", "", List.of());
	}

	/** A desktop with the session's own look. */
	public DesktopSpec(UUID id, String username, Path home, int uid, Locale locale, int width, int height,
			List<MenuEntry> menu, String wallpaper, String homePage, List<Mount> mounts) {
		this(id, username, home, uid, locale, width, height, menu, wallpaper, homePage, mounts, Look.PLAIN);
	}

	/**
	 * The school's look of a desktop besides its menu. The menu's programs are desktop icons too, after
	 * {@code icons}.
	 *
	 * @param wallpaperImage a PNG or JPEG the desktop shows scaled to its screen, over its colour; null for none
	 * @param icons the desktop icons every desktop of the school has, such as the default web browser
	 * @param defaultApps the {@code .desktop} entry id that opens each MIME type, e.g.
	 *     {@code x-scheme-handler/https=chromium.desktop}
	 * @param browser the command of the web browser the menu and toolbar start; empty for the session's own
	 */
	public record Look(@Nullable Path wallpaperImage, List<MenuEntry> icons, Map<String, String> defaultApps,
			String browser) {

		public static final Look PLAIN = new Look(null, List.of(), Map.of(), "");
	}

	/**
	 * What a desktop may take of its host, enforced by the kernel where the provider can: its memory, the files it
	 * keeps in memory (/tmp, /dev/shm) included, and how many processes it runs at once.
	 */
	public record Limits(long memoryBytes, int processes) {

		/** Cloudroom's defaults: 1.5 GB and 512 processes, enough for an office suite and a web browser at once. */
		public static final Limits DEFAULT = new Limits(1536L * 1024 * 1024, 512);
	}

	/**
	 * A folder of the desktop host shown at a place inside the home. The desktop cannot change the folders on the
	 * way to it, and changes what is in it only when it is writable and the files' owner lets it.
	 *
	 * @param target relative to the home, e.g. {@code Classes/Grade 5/Materials}
	 */
	public record Mount(Path source, String target, boolean writable) {
	}
}
