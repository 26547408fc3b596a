package org.cloudroom.desktops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.cloudroom.desktops.DesktopProcesses.XVNC;

import java.io.DataInputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cloudroom.CloudroomApplication;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.rfb.RfbHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.util.FileSystemUtils;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server update during a lesson: the server stops (its desktops keep running) and starts again on the same
 * database and data directory. Each server here is a whole application context of its own.
 */
class DesktopsRestartTests {

	private final Path data = Path.of("target", "test-data", "dr-" + UUID.randomUUID().toString().substring(0, 8))
		.toAbsolutePath();
	private final List<DesktopStopped> stopped = new CopyOnWriteArrayList<>();
	private ConfigurableApplicationContext server;

	@AfterEach
	void stopDesktopsAndServer() {
		if (server != null) {
			var records = server.getBean(DesktopRecords.class);
			records.all().forEach(row -> server.getBean(Desktops.class).stop(row.owner(), DesktopStopped.Reason.OWNER));
			server.close();
		}
		FileSystemUtils.deleteRecursively(data.toFile());
	}

	@Test
	void desktopsOutliveARestartAndAreAdoptedWhileDeadOnesAndLeftoversAreCleanedUp() throws Exception {
		var school = SchoolId.random();
		var mei = student(school, "zhou-mei");
		var lei = student(school, "wang-lei");
		server = start();
		var keeps = server.getBean(Desktops.class).startOrResume(mei, Locale.SIMPLIFIED_CHINESE);
		var dies = server.getBean(Desktops.class).startOrResume(lei, Locale.SIMPLIFIED_CHINESE);
		var meisXvnc = DesktopProcesses.named(DesktopProcesses.of(data, keeps.id()), XVNC).orElseThrow();
		var leisProcesses = DesktopProcesses.of(data, dies.id());
		var leftover = Files.createDirectories(data.resolve("desktops").resolve(UUID.randomUUID().toString()));

		server.close();
		DesktopProcesses.named(leisProcesses, XVNC).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(5)).until(() -> leisProcesses.stream().noneMatch(DesktopProcesses::running));
		assertThat(DesktopProcesses.running(meisXvnc)).as("Mei's desktop while no server runs").isTrue();
		server = start();

		var desktops = server.getBean(Desktops.class);
		assertThat(desktops.mine(mei.id())).get().extracting(Desktop::id).isEqualTo(keeps.id());
		assertThat(desktops.startOrResume(mei, Locale.SIMPLIFIED_CHINESE).id()).isEqualTo(keeps.id());
		assertThat(DesktopProcesses.named(DesktopProcesses.of(data, keeps.id()), XVNC)).contains(meisXvnc);
		try (var connection = desktops.connect(keeps.id()).channel()) {
			var init = RfbHandshake.connectDesktop(new DataInputStream(Channels.newInputStream(connection)),
					Channels.newOutputStream(connection), null);
			assertThat(init.name()).isEqualTo("zhou-mei");
		}
		assertThat(desktops.find(dies.id())).isEmpty();
		assertThat(desktops.mine(lei.id())).isEmpty();
		assertThat(stopped).extracting(DesktopStopped::desktop, DesktopStopped::reason)
			.containsExactly(tuple(dies.id(), DesktopStopped.Reason.CRASHED));
		assertThat(data.resolve("desktops").resolve(dies.id().toString())).doesNotExist();
		assertThat(leftover).doesNotExist();
	}

	/** A server on an H2 file database in the data directory, so that a second one finds what the first stored. */
	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CloudroomApplication.class).web(WebApplicationType.NONE)
			.listeners((ApplicationListener<ApplicationEvent>) event -> {
				if (event instanceof PayloadApplicationEvent<?> payload
						&& payload.getPayload() instanceof DesktopStopped stop) {
					stopped.add(stop);
				}
			})
			.run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("db").resolve("cloudroom"),
					"--cloudroom.data=" + data);
	}

	private static CloudroomUser student(SchoolId school, String username) {
		return new CloudroomUser(PersonId.random(), school, username, Role.STUDENT);
	}
}
