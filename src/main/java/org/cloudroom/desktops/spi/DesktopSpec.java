package org.cloudroom.desktops.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
 */
public record DesktopSpec(UUID id, String username, Path home, int uid, Locale locale, int width, int height,
		List<MenuEntry> menu, String wallpaper, String homePage, List<Mount> mounts) {

	/** A desktop as Cloudroom's session is by default, with no programs or folders of its own. */
	public DesktopSpec(UUID id, String username, Path home, int uid, Locale locale, int width, int height) {
		this(id, username, home, uid, locale, width, height, List.of(), "", "", List.of());
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
