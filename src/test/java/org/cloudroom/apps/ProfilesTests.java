package org.cloudroom.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.images.CraftedPng;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A school's desktop profile: versions, what new desktops get, what running ones are told, and rolling back. */
@DatabaseTest
class ProfilesTests {

	@Autowired
	Program program;

	@Autowired
	Profiles profiles;

	@Autowired
	People people;

	SchoolId school;
	CloudroomUser admin;
	final PersonId student = new PersonId(UUID.randomUUID());

	@BeforeEach
	void aSchool() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = program.open("Profile School " + tag, 5, "padm-" + tag, "Hong", "Lin");
		school = opened.school().id();
		admin = new CloudroomUser(people.findByUsername(opened.admin().username()).orElseThrow().id(), school,
				opened.admin().username(), Role.ADMIN);
	}

	@Test
	void aChangeIsANewVersionForNewDesktopsAndRunningOnesHearOfIt() {
		var first = profiles.forNewDesktop(student, school);
		assertThat(first).isEqualTo(Profile.DEFAULT);
		assertThat(profiles.newerThanInUse(student, school)).isFalse();

		var changed = profiles.change(admin, school, "#AA3300", "https://www.example.edu/", "en");

		assertThat(changed.version()).isEqualTo(1);
		assertThat(changed.wallpaper()).isEqualTo("#aa3300");
		assertThat(changed.localeFor(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.ENGLISH);
		assertThat(profiles.newerThanInUse(student, school)).isTrue();
		assertThat(profiles.forNewDesktop(student, school)).isEqualTo(changed);
		assertThat(profiles.newerThanInUse(student, school)).isFalse();
	}

	@Test
	void rollingBackMakesThePreviousVersionCurrentAndKeepsTheHistory() {
		var first = profiles.change(admin, school, "#112233", "", "");
		profiles.change(admin, school, "#445566", "", "zh-CN");

		var back = profiles.rollBack(admin, school);

		assertThat(back).isEqualTo(first);
		assertThat(profiles.current(school)).isEqualTo(first);
		assertThat(profiles.versions(admin, school)).extracting(Profile::version).containsExactly(2, 1);
		assertThat(profiles.rollBack(admin, school)).isEqualTo(Profile.DEFAULT);
		assertRefused(() -> profiles.rollBack(admin, school), Status.CONFLICT);
		assertThat(profiles.change(admin, school, "#778899", "", "").version()).isEqualTo(3);
	}

	@Test
	void badValuesAndOtherPeopleChangeNothing() {
		var teacher = new CloudroomUser(new PersonId(UUID.randomUUID()), school, "t", Role.TEACHER);
		var otherAdmin = new CloudroomUser(new PersonId(UUID.randomUUID()), SchoolId.random(), "o", Role.ADMIN);

		assertRefused(() -> profiles.change(admin, school, "blue", "", ""), Status.UNPROCESSABLE);
		assertRefused(() -> profiles.change(admin, school, "#112233", "javascript:alert(1)", ""),
				Status.UNPROCESSABLE);
		assertRefused(() -> profiles.change(admin, school, "#112233", "", "fr"), Status.UNPROCESSABLE);
		assertRefused(() -> profiles.change(teacher, school, "#112233", "", ""), Status.FORBIDDEN);
		assertRefused(() -> profiles.change(otherAdmin, school, "#112233", "", ""), Status.NOT_FOUND);
		assertRefused(() -> profiles.rollBack(otherAdmin, school), Status.NOT_FOUND);

		assertThat(profiles.current(school)).isEqualTo(Profile.DEFAULT);
	}

	@Test
	void aSchoolsWallpaperImageReachesNewDesktopsAndRollingBackBringsThePreviousOneBack() throws Exception {
		var green = profiles.changeWallpaperImage(admin, school, image(0x00a03c, "png"));
		var orange = profiles.changeWallpaperImage(admin, school, image(0xaa3300, "jpeg"));

		assertThat(orange.version()).isEqualTo(2);
		assertThat(orange.wallpaperImage()).endsWith(".jpg").isNotEqualTo(green.wallpaperImage());
		var shown = javax.imageio.ImageIO.read(profiles.wallpaperImage(profiles.forNewDesktop(student, school))
			.orElseThrow().toFile());
		assertThat(shown.getRGB(10, 10) >> 16 & 0xff).isCloseTo(0xaa, org.assertj.core.data.Offset.offset(3));

		var rolledBack = profiles.rollBack(admin, school);

		assertThat(rolledBack.wallpaperImage()).isEqualTo(green.wallpaperImage());
		assertThat(javax.imageio.ImageIO.read(profiles.wallpaperImage(rolledBack).orElseThrow().toFile())
			.getRGB(10, 10) & 0xffffff).isEqualTo(0x00a03c);
		assertThat(profiles.removeWallpaperImage(admin, school).wallpaperImage()).isEmpty();
	}

	@Test
	void anythingButASmallEnoughPngOrJpegIsRefusedAndChangesNothing() throws Exception {
		var before = profiles.current(school);

		assertRefused(() -> profiles.changeWallpaperImage(admin, school,
				"<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes()), Status.UNPROCESSABLE);
		var gif = image(0x112233, "gif");
		assertRefused(() -> profiles.changeWallpaperImage(admin, school, gif), Status.UNPROCESSABLE);
		var huge = java.util.Arrays.copyOf(image(0x112233, "png"), Wallpapers.MAX_BYTES + 1);
		assertRefused(() -> profiles.changeWallpaperImage(admin, school, huge), Status.UNPROCESSABLE);
		var broken = java.util.Arrays.copyOf(image(0x112233, "png"), 40);
		assertRefused(() -> profiles.changeWallpaperImage(admin, school, broken), Status.UNPROCESSABLE);

		assertThat(profiles.current(school)).isEqualTo(before);
	}

	@Test
	void aWallpaperThatClaimsHugeDimensionsIsRefusedByItsHeaderAndChangesNothing() throws Exception {
		var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
		var versions = profiles.versions(admin, school);
		var stored = wallpaperFiles();
		var huge = CraftedPng.withRows(20_000, 20_000, 4);
		var allocated = threads.getCurrentThreadAllocatedBytes();

		assertThatThrownBy(() -> profiles.changeWallpaperImage(admin, school, huge))
			.isInstanceOfSatisfying(Refused.class, refused -> {
				assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE);
				assertThat(refused.messageKey()).isEqualTo("apps.profile.image-too-large");
				assertThat(refused.args()).startsWith(20_000, 20_000);
			});

		assertThat(threads.getCurrentThreadAllocatedBytes() - allocated).as("bytes allocated: no pixel decoded")
			.isLessThan(50L * 1024 * 1024);
		assertThat(huge.length).as("a small file").isLessThan(4 * 1024);
		assertThat(profiles.versions(admin, school)).isEqualTo(versions);
		assertThat(wallpaperFiles()).isEqualTo(stored);
	}

	@org.springframework.beans.factory.annotation.Value("${cloudroom.data}")
	java.nio.file.Path data;

	private java.util.List<String> wallpaperFiles() throws java.io.IOException {
		var folder = data.resolve("wallpapers");
		if (!java.nio.file.Files.isDirectory(folder)) {
			return java.util.List.of();
		}
		try (var files = java.nio.file.Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void theDefaultAppsAreInstalledAppsOfTheirKindAndOpenTheirFiles() {
		var own = profiles.defaultApps(profiles.current(school));
		assertThat(own.apps()).extracting(App::id).containsExactly("pcmanfm", "chromium", "org.xfce.mousepad");
		assertThat(own.browser()).isEmpty();

		var changed = profiles.changeDefaultApps(admin, school, "chromium", "vim", "");

		var defaults = profiles.defaultApps(changed);
		assertThat(defaults.apps()).extracting(App::id).containsExactly("pcmanfm", "chromium", "vim");
		assertThat(defaults.mimeTypes()).containsEntry("text/plain", "vim.desktop")
			.containsEntry("x-scheme-handler/https", "chromium.desktop")
			.containsEntry("inode/directory", "pcmanfm.desktop");
		assertThat(defaults.browser()).isEqualTo("/usr/bin/chromium");
		assertRefused(() -> profiles.changeDefaultApps(admin, school, "vim", "", ""), Status.UNPROCESSABLE);
		assertRefused(() -> profiles.changeDefaultApps(admin, school, "", "geogebra", ""), Status.UNPROCESSABLE);
		assertThat(profiles.current(school)).isEqualTo(changed);
	}

	private static byte[] image(int rgb, String format) throws java.io.IOException {
		var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 64; x++) {
			for (int y = 0; y < 48; y++) {
				image.setRGB(x, y, rgb);
			}
		}
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	private static void assertRefused(Runnable action, Status status) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(Refused.class,
				refused -> assertThat(refused.status()).isEqualTo(status));
	}
}
