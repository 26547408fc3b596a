package org.cloudroom.apps;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of each school's desktop profile. A change is a new version, which every desktop started after it
 * gets; rolling back sets the previous version current again. A running desktop keeps the version it started with.
 */
@Service
public class Profiles {

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
	private static final Set<String> LOCALES = Set.of("", "zh-CN", "en");
	private static final String SELECT = """
			select profile_version as version, wallpaper, home_page, desktop_locale as locale, created_at,
			wallpaper_image, default_browser, default_editor, default_file_manager
			from desktop_profile""";

	private final JdbcClient jdbc;
	private final AppCatalog catalog;
	private final Wallpapers wallpapers;
	private final Clock clock;

	Profiles(JdbcClient jdbc, AppCatalog catalog, Wallpapers wallpapers, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.wallpapers = wallpapers;
	}

	public Profile current(SchoolId school) {
		return jdbc.sql(SELECT + " where school_id = ? and not rolled_back order by profile_version desc limit 1")
			.param(school.value()).query(Profile.class).optional().orElse(Profile.DEFAULT);
	}

	/** Every version the school has made, newest first, rolled back or not. */
	public List<Profile> versions(CloudroomUser user, SchoolId school) {
		user.requireAdminOf(school);
		return jdbc.sql(SELECT + " where school_id = ? order by profile_version desc").param(school.value())
			.query(Profile.class).list();
	}

	/** A new version with this colour, home page and language, and the current image and default apps. */
	@Transactional
	public Profile change(CloudroomUser user, SchoolId school, String wallpaper, String homePage, String locale) {
		user.requireAdminOf(school);
		if (!COLOUR.matcher(wallpaper).matches()) {
			throw new Refused(Status.UNPROCESSABLE, "apps.profile.bad-wallpaper");
		}
		if (!homePage.isEmpty() && !isWebAddress(homePage)) {
			throw new Refused(Status.UNPROCESSABLE, "apps.profile.bad-home-page");
		}
		if (!LOCALES.contains(locale)) {
			throw new Refused(Status.UNPROCESSABLE, "apps.profile.bad-locale");
		}
		return save(user, school, current(school).with(wallpaper.toLowerCase(Locale.ROOT), homePage, locale));
	}

	/**
	 * A new version whose desktops show this image, scaled to their screen: a PNG or JPEG of at most
	 * {@link Wallpapers#MAX_BYTES} bytes; anything else is refused and changes nothing.
	 */
	@Transactional
	public Profile changeWallpaperImage(CloudroomUser user, SchoolId school, byte[] image) {
		user.requireAdminOf(school);
		return save(user, school, current(school).withImage(wallpapers.store(image)));
	}

	/** A new version without a wallpaper image: its desktops show the colour. */
	@Transactional
	public Profile removeWallpaperImage(CloudroomUser user, SchoolId school) {
		user.requireAdminOf(school);
		return save(user, school, current(school).withImage(""));
	}

	/**
	 * A new version with these default apps, each an installed app of the catalog of its kind, or empty for
	 * Cloudroom's own.
	 */
	@Transactional
	public Profile changeDefaultApps(CloudroomUser user, SchoolId school, String browser, String editor,
			String fileManager) {
		user.requireAdminOf(school);
		for (var kind : DefaultApps.Kind.values()) {
			var id = kind.pick(browser, editor, fileManager);
			if (!id.isEmpty() && !DefaultApps.candidates(catalog, kind).stream().anyMatch(app -> app.id().equals(id))) {
				throw new Refused(Status.UNPROCESSABLE, "apps.profile.bad-default-app");
			}
		}
		return save(user, school, current(school).withDefaults(browser, editor, fileManager));
	}

	/** The default apps of a profile, as its desktops get them. */
	public DefaultApps defaultApps(Profile profile) {
		return DefaultApps.of(profile, catalog);
	}

	/** The school's wallpaper image on this server, if the profile has one. */
	public java.util.Optional<java.nio.file.Path> wallpaperImage(Profile profile) {
		return wallpapers.find(profile.wallpaperImage());
	}

	private Profile save(CloudroomUser user, SchoolId school, Profile profile) {
		int version = jdbc.sql("select coalesce(max(profile_version), 0) from desktop_profile where school_id = ?")
			.param(school.value()).query(Integer.class).single() + 1;
		jdbc.sql("""
				insert into desktop_profile (school_id, profile_version, wallpaper, home_page, desktop_locale,
				    created_by, created_at, rolled_back, wallpaper_image, default_browser, default_editor,
				    default_file_manager)
				values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)""")
			.params(school.value(), version, profile.wallpaper(), profile.homePage(), profile.locale(),
					user.id().value(), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), profile.wallpaperImage(),
					profile.defaultBrowser(), profile.defaultEditor(), profile.defaultFileManager())
			.update();
		return current(school);
	}

	/** Sets the version before the current one current again; the rolled back version is kept in the history. */
	@Transactional
	public Profile rollBack(CloudroomUser user, SchoolId school) {
		user.requireAdminOf(school);
		var current = current(school);
		if (current.version() == 0) {
			throw new Refused(Status.CONFLICT, "apps.profile.nothing-to-roll-back");
		}
		jdbc.sql("update desktop_profile set rolled_back = true where school_id = ? and profile_version = ?")
			.params(school.value(), current.version()).update();
		return current(school);
	}

	/** The profile a desktop being started for the person gets; remembered, to tell them when a newer one is ready. */
	@Transactional
	public Profile forNewDesktop(PersonId person, SchoolId school) {
		var profile = current(school);
		jdbc.sql("delete from profile_in_use where person_id = ?").param(person.value()).update();
		jdbc.sql("insert into profile_in_use (person_id, school_id, profile_version) values (?, ?, ?)")
			.params(person.value(), school.value(), profile.version()).update();
		return profile;
	}

	/** Whether the person's last desktop started with another version than the school's current one. */
	public boolean newerThanInUse(PersonId person, SchoolId school) {
		var inUse = jdbc.sql("select profile_version from profile_in_use where person_id = ?").param(person.value())
			.query(Integer.class).optional();
		return inUse.isPresent() && inUse.get() != current(school).version();
	}

	private static boolean isWebAddress(String text) {
		try {
			var uri = URI.create(text);
			return text.length() <= 500 && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
