package org.cloudroom.desktops;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.apps.App;
import org.cloudroom.apps.Availability;
import org.cloudroom.apps.Profiles;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.MenuEntry;
import org.cloudroom.drive.ClassFolders;
import org.cloudroom.drive.DriveSpace;
import org.cloudroom.drive.Homes;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a person's new desktop is made of: their home (refused while it is over its quota) and class folders from
 * the drive, the apps they may run in its start menu and as desktop icons, their school's desktop profile with
 * its wallpaper image and default apps, and their school's limits.
 */
@Component
class DesktopSpecs {

	private static final Logger log = LoggerFactory.getLogger(DesktopSpecs.class);

	private final Homes homes;
	private final DriveSpace space;
	private final ClassFolders classFolders;
	private final Availability apps;
	private final Profiles profiles;
	private final DesktopsSettings settings;
	private final DesktopLimits limits;
	private final Clock clock;

	DesktopSpecs(Homes homes, DriveSpace space, ClassFolders classFolders, Availability apps, Profiles profiles,
			DesktopsSettings settings, DesktopLimits limits, Clock clock) {
		this.clock = clock;
		this.limits = limits;
		this.homes = homes;
		this.space = space;
		this.classFolders = classFolders;
		this.apps = apps;
		this.profiles = profiles;
		this.settings = settings;
	}

	DesktopSpec forPerson(CloudroomUser user, Locale locale, UUID id, int uid) {
		List<DesktopSpec.Mount> mounts;
		try {
			space.requireWithinQuota(user.id(), user.role());
			mounts = classFolders.mountsFor(user.id(), user.role(), locale).stream()
				.map(m -> new DesktopSpec.Mount(m.source(), m.target(), m.writable())).toList();
		}
		catch (IOException e) {
			log.error("The drive of {} could not be made ready", user.username(), e);
			throw new Refused(Status.SERVER_FULL, "desktops.start-failed");
		}
		var profile = profiles.forNewDesktop(user.id(), user.school());
		var defaults = profiles.defaultApps(profile);
		var look = new DesktopSpec.Look(profiles.wallpaperImage(profile).orElse(null),
				defaults.apps().stream().map(DesktopSpecs::menuEntry).toList(), defaults.mimeTypes(),
				defaults.browser());
		return new DesktopSpec(id, user.username(), homes.of(user.id()), uid, profile.localeFor(locale),
				settings.width(), settings.height(), menu(user.id(), user.school()), profile.wallpaper(),
				profile.homePage(), mounts, look, clock.getZone(), limits.of(user.school()));
	}

	/** A running desktop writes to its person's home: the drive measures it at each scan until the desktop ends. */
	void homeInUse(PersonId person) {
		space.homeInUse(person);
	}

	void homeReleased(PersonId person) {
		space.homeReleased(person);
	}

	/** The programs the person may run, as their start menu lists them. */
	List<MenuEntry> menu(PersonId person, SchoolId school) {
		return apps.forPerson(person, school).stream().map(DesktopSpecs::menuEntry).toList();
	}

	private static MenuEntry menuEntry(App app) {
		return new MenuEntry(app.name(), app.name(Locale.SIMPLIFIED_CHINESE), app.icon(), app.exec());
	}
}
