package org.cloudroom.desktops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.MenuEntry;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real desktop's IceWM configuration: the person's programs, the profile's wallpaper and home page. */
class LocalDesktopMenuTests {

	private Path data;
	private LocalDesktopProvider provider;
	private RunningDesktop desktop;

	@BeforeEach
	void newDataDirectory() throws IOException {
		data = Files.createDirectories(Path.of("target", "test-data", "m-" + UUID.randomUUID().toString()
			.substring(0, 8)).toAbsolutePath());
		provider = new LocalDesktopProvider(data, Duration.ofSeconds(15));
	}

	@AfterEach
	void stopAndRemove() throws IOException {
		if (desktop != null) {
			provider.stop(desktop);
		}
		try (var walk = Files.walk(data)) {
			for (var path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	@Test
	void aDesktopStartsWithItsProgramsAndProfileAndItsMenuChangesWhileIceWmRuns() throws Exception {
		var spec = new DesktopSpec(UUID.randomUUID(), "menu-ming", data.resolve("homes/menu-ming"), 262_001,
				Locale.SIMPLIFIED_CHINESE, 1024, 768, List.of(new MenuEntry("XTerm", "终端 X", "", "xterm")),
				"#aa3300", "https://www.example.edu/", List.of());
		desktop = provider.start(spec);
		provider.startSession(desktop);
		var icewm = data.resolve("desktops").resolve(spec.id().toString()).resolve("icewm");

		assertThat(Files.readString(icewm.resolve("menu"))).startsWith("prog \"终端 X\" - xterm\nseparator\n")
			.contains("x-www-browser https://www.example.edu/\n");
		assertThat(Files.readString(icewm.resolve("toolbar"))).contains("x-www-browser https://www.example.edu/\n");
		assertThat(Files.readString(icewm.resolve("prefoverride")))
			.endsWith("DesktopBackgroundColor=\"rgb:aa/33/00\"\n");
		var windowManager = await().atMost(Duration.ofSeconds(20))
			.until(() -> DesktopProcesses.named(DesktopProcesses.of(data, spec.id()), "icewm"), Optional::isPresent)
			.orElseThrow();

		provider.applyMenu(desktop, List.of(new MenuEntry("Geany", "Geany 编程编辑器", "geany", "geany")));

		assertThat(Files.readString(icewm.resolve("menu"))).startsWith("prog \"Geany 编程编辑器\" geany geany\nseparator\n")
			.doesNotContain("终端 X").contains("x-www-browser https://www.example.edu/\n");
		assertThat(DesktopProcesses.running(windowManager)).isTrue();
	}

	@Test
	void theDesktopIconsFollowTheProgramsGivenAndTheLookStaysOutOfTheHome() throws Exception {
		var image = data.resolve("school.png");
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", image.toFile());
		var look = new DesktopSpec.Look(image, List.of(new MenuEntry("Files", "文件", "system-file-manager", "pcmanfm")),
				java.util.Map.of("x-scheme-handler/https", "chromium.desktop"), "/usr/bin/chromium");
		var spec = new DesktopSpec(UUID.randomUUID(), "icon-ming", data.resolve("homes/icon-ming"), 262_003,
				Locale.ENGLISH, 1024, 768, List.of(new MenuEntry("XTerm", "", "xterm-color", "xterm")), "#aa3300", "",
				List.of(), look);
		desktop = provider.start(spec);
		var shown = data.resolve("desktops/.look").resolve(spec.id().toString());
		var icons = shown.resolve("icons");

		assertThat(names(icons)).containsExactly("profile-00-files.desktop", "program-00-xterm.desktop");
		assertThat(icons.resolve("program-00-xterm.desktop")).content().contains("Name=XTerm\n", "Icon=xterm-color\n",
				"Exec=env -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_CONFIG_DIRS xterm\n");
		assertThat(shown.resolve("xdg/mimeapps.list")).hasContent(
				"[Default Applications]\nx-scheme-handler/https=chromium.desktop");
		assertThat(shown.resolve("wallpaper.png")).hasSameBinaryContentAs(image);
		assertThat(shown.resolve("config/pcmanfm/default/desktop-items-0.conf")).content()
			.contains("wallpaper_mode=stretch\n", "wallpaper=/run/cloudroom-look/wallpaper.png\n",
					"desktop_bg=#aa3300\n", "folder=/run/cloudroom-look/icons\n");
		var run = data.resolve("desktops").resolve(spec.id().toString());
		assertThat(run.resolve("icewm/menu")).content().contains("/usr/bin/chromium").doesNotContain("x-www-browser");
		assertThat(run.resolve("icewm/prefoverride")).content()
			.contains("DesktopBackgroundImage=\"/run/cloudroom-look/wallpaper.png\"");
		var iconProgram = await().atMost(Duration.ofSeconds(20))
			.until(() -> DesktopProcesses.named(DesktopProcesses.of(data, spec.id()), "pcmanfm"), Optional::isPresent)
			.orElseThrow();

		provider.applyMenu(desktop, List.of(new MenuEntry("Geany", "", "geany", "geany")));

		assertThat(names(icons)).containsExactly("profile-00-files.desktop", "program-00-geany.desktop");
		assertThat(DesktopProcesses.running(iconProgram)).isTrue();
		try (var home = Files.walk(spec.home())) {
			assertThat(home.map(p -> spec.home().relativize(p).toString())).noneMatch(
					p -> p.startsWith("Desktop") || p.contains("pcmanfm") || p.contains("libfm"));
		}
		provider.stop(desktop);
		desktop = null;
		assertThat(shown).doesNotExist();
	}

	private static List<String> names(Path folder) throws IOException {
		try (var files = Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
		}
	}
}
