package org.cloudroom.apps;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One version of a school's desktop profile: what every desktop started while it is current is built from.
 * Version 0 is Cloudroom's own, before the school changes anything.
 *
 * @param wallpaper the desktop's background colour, as {@code #rrggbb}
 * @param homePage the web browser's home page; empty for the browser's own
 * @param locale the desktops' language ({@code zh-CN}, {@code en}); empty for each person's own
 */
public record Profile(int version, String wallpaper, String homePage, String locale,
		@Nullable OffsetDateTime createdAt) {

	static final Profile DEFAULT = new Profile(0, "#2f7de1", "", "", null);

	/** The language of a desktop for a person whose own language is {@code own}. */
	public Locale localeFor(Locale own) {
		return locale.isEmpty() ? own : Locale.forLanguageTag(locale);
	}
}
