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
	void aLinkThePersonPutsInPlaceOfTheMenuDoesNotMakeTheServerWriteElsewhere() throws Exception {
		var spec = new DesktopSpec(UUID.randomUUID(), "menu-hong", data.resolve("homes/menu-hong"), 262_002,
				Locale.ENGLISH, 1024, 768, List.of(), "", "", List.of());
		desktop = provider.start(spec);
		var run = data.resolve("desktops").resolve(spec.id().toString());
		var victim = Files.writeString(data.resolve("server-file"), "the server's own");
		Files.move(run.resolve("icewm"), run.resolve("icewm-moved"));
		Files.createDirectory(run.resolve("icewm"));
		Files.createSymbolicLink(run.resolve("icewm/menu"), victim);

		provider.applyMenu(desktop, List.of(new MenuEntry("XTerm", "", "", "xterm")));

		assertThat(victim).hasContent("the server's own");
	}
}
