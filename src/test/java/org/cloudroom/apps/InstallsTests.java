package org.cloudroom.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Installs run the real package tool: a package it does not know fails with its log and changes no catalog. */
class InstallsTests {

	private final AppsSettings settings = new AppsSettings(Path.of("/usr/share/applications"), "apt-get",
			Duration.ofMinutes(5));
	private final AppCatalog catalog = new AppCatalog(settings);
	private final Installs installs = new Installs(catalog, settings);

	@AfterEach
	void close() {
		installs.close();
	}

	@Test
	void anUnknownPackageFailsWithTheInstallersLogAndLeavesTheCatalogAsItWas() {
		var before = catalog.all();
		var unknown = new App("cloudroom-nothing", "Nothing", "", "", "", "", List.of(), "nothing",
				"cloudroom-no-such-package", false);

		var started = installs.run(unknown);
		var ended = await().atMost(Duration.ofMinutes(2)).until(() -> installs.view(started.id()),
				install -> !install.state().equals("RUNNING"));

		assertThat(ended.state()).isEqualTo("FAILED");
		assertThat(String.join("\n", ended.log())).containsAnyOf("Unable to locate package cloudroom-no-such-package",
				"not as root", "has no apt-get");
		assertThat(catalog.all()).isEqualTo(before);
	}

	@Test
	void aServerWithoutThePackageToolSaysSoAtOnce() {
		var elsewhere = new AppsSettings(settings.applications(), "/nonexistent/apt-get", Duration.ofMinutes(1));
		try (var installsElsewhere = new Installs(catalog, elsewhere)) {
			var install = installsElsewhere.run(CuratedApps.ALL.getFirst());

			assertThat(install.state()).isEqualTo("FAILED");
			assertThat(install.log()).singleElement().asString().contains("has no /nonexistent/apt-get");
		}
	}
}
