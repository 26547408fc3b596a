package org.cloudroom.apps;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One version of a school's desktop profile: what every desktop started while it is current is built from.
 * Version 0 is Cloudroom's own, before the school changes anything.
 *
 * @param wallpaper the desktop's background colour, as {@code #rrggbb}; shown where the image is not
 * @param homePage the web browser's home page; empty for the browser's own
 * @param locale the desktops' language ({@code zh-CN}, {@code en}); empty for each person's own
 * @param wallpaperImage the file name of the school's wallpaper image among the apps' wallpapers; empty for none
 * @param defaultBrowser the catalog id of the default web browser; empty for Cloudroom's own
 * @param defaultEditor the catalog id of the default text editor; empty for Cloudroom's own
 * @param defaultFileManager the catalog id of the default file manager; empty for Cloudroom's own
 */
public record Profile(int version, String wallpaper, String homePage, String locale,
		@Nullable OffsetDateTime createdAt, String wallpaperImage, String defaultBrowser, String defaultEditor,
		String defaultFileManager) {

	static final Profile DEFAULT = new Profile(0, "#2f7de1", "", "", null, "", "", "", "");

	/** The language of a desktop for a person whose own language is {@code own}. */
	public Locale localeFor(Locale own) {
		return locale.isEmpty() ? own : Locale.forLanguageTag(locale);
	}

	Profile with(String wallpaper, String homePage, String locale) {
		return new Profile(version, wallpaper, homePage, locale, createdAt, wallpaperImage, defaultBrowser,
				defaultEditor, defaultFileManager);
	}

	Profile withImage(String wallpaperImage) {
		return new Profile(version, wallpaper, homePage, locale, createdAt, wallpaperImage, defaultBrowser,
				defaultEditor, defaultFileManager);
	}

	Profile withDefaults(String browser, String editor, String fileManager) {
		return new Profile(version, wallpaper, homePage, locale, createdAt, wallpaperImage, browser, editor,
				fileManager);
	}
}
