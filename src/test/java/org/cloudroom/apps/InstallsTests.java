package org.cloudroom.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Installs run the real package tool: a package it does not know fails with its log and changes no catalog; ended
 * installs are kept past a restart.
 */
@DatabaseTest
class InstallsTests {

	private final AppsSettings settings = new AppsSettings(Path.of("/usr/share/applications"), "apt-get",
			Duration.ofMinutes(5));
	private final AppCatalog catalog = new AppCatalog(settings);
	private final CloudroomUser operator = new CloudroomUser(new PersonId(UUID.randomUUID()), null, "op",
			Role.OPERATOR);

	@Autowired
	JdbcClient jdbc;

	private Installs installs;

	@BeforeEach
	void installs() {
		installs = new Installs(catalog, settings, jdbc, Clock.systemUTC());
	}

	@AfterEach
	void close() {
		installs.close();
	}

	@Test
	void anUnknownPackageFailsWithTheInstallersLogAndLeavesTheCatalogAsItWas() {
		var before = catalog.all();
		var unknown = new App("cloudroom-nothing", "Nothing", "", "", "", "", List.of(), "nothing",
				"cloudroom-no-such-package", false);

		var started = installs.run(unknown, operator.id());
		var ended = await().atMost(Duration.ofMinutes(2)).until(() -> installs.view(started.id()),
				install -> install.state() != Install.State.RUNNING);

		assertThat(ended.state()).isEqualTo(Install.State.FAILED);
		assertThat(String.join("\n", ended.log())).containsAnyOf("Unable to locate package cloudroom-no-such-package",
				"not as root", "has no apt-get");
		assertThat(catalog.all()).isEqualTo(before);
	}

	@Test
	void aServerWithoutThePackageToolSaysSoAtOnce() {
		var elsewhere = new AppsSettings(settings.applications(), "/nonexistent/apt-get", Duration.ofMinutes(1));
		try (var installsElsewhere = new Installs(catalog, elsewhere, jdbc, Clock.systemUTC())) {
			var install = installsElsewhere.run(CuratedApps.ALL.getFirst(), operator.id());

			assertThat(install.state()).isEqualTo(Install.State.FAILED);
			assertThat(install.log()).singleElement().asString().contains("has no /nonexistent/apt-get");
		}
	}

	@Test
	void theOperatorSeesPastInstallsWithWhoAndTheirLogAfterARestart() {
		var elsewhere = new AppsSettings(settings.applications(), "/nonexistent/apt-get", Duration.ofMinutes(1));
		Install failed;
		try (var beforeRestart = new Installs(catalog, elsewhere, jdbc, Clock.systemUTC())) {
			failed = beforeRestart.run(CuratedApps.ALL.getFirst(), operator.id());
		}

		var afterRestart = installs.all(operator).stream().filter(i -> i.id().equals(failed.id())).toList();

		assertThat(afterRestart).singleElement().satisfies(install -> {
			assertThat(install.appId()).isEqualTo(CuratedApps.ALL.getFirst().id());
			assertThat(install.startedBy()).isEqualTo(operator.id());
			assertThat(install.state()).isEqualTo(Install.State.FAILED);
			assertThat(install.log()).singleElement().asString().contains("has no /nonexistent/apt-get");
		});
		assertThat(installs.view(failed.id()).state()).isEqualTo(Install.State.FAILED);
	}
}
