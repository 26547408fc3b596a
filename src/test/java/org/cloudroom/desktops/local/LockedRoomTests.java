package org.cloudroom.desktops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.StudentTerminal;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.MenuEntry;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.cloudroom.rfb.RfbHandshake;
import org.cloudroom.rfb.ServerInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A desktop is a locked room: what a student does from the terminal of their own desktop (these tests do it, inside a
 * real sandbox, as the student's uid, without privileges) reaches neither another desktop nor anything of root's.
 */
class LockedRoomTests {

	@RegisterExtension
	final LocalDesktops desktops = new LocalDesktops("r-", 264_000);

	@Test
	void aStudentWhoLinksTheirSocketToTheTeachersDesktopStillReachesOnlyTheirOwn() throws Exception {
		var teacher = start(spec("teacher-wang"));
		var student = spec("student-li");
		var desktop = start(student);

		// the teacher's socket is a path on the host, which a sandbox's /proc/self/mountinfo gives away
		var attack = terminal(desktop, student).run(("for s in /run/cloudroom/vnc.sock /run/cloudroom/vnc/vnc.sock; "
				+ "do rm -f $s; ln -s '%s' $s && echo linked $s; done").formatted(teacher.address()));

		assertThat(handshake(desktop).name()).as(attack.output()).isEqualTo("student-li");
		assertThat(handshake(teacher).name()).isEqualTo("teacher-wang");
	}

	@Test
	void aServerAStudentStartsOnTheSocketsPathIsNeverWhatTheServerConnectsTo() throws Exception {
		var student = spec("student-zhou");
		var desktop = start(student);
		var fake = terminal(desktop, student).start("""
				exec python3 -c '
				import os, select, socket
				bound = []
				for path in ("/run/cloudroom/vnc.sock", "/run/cloudroom/vnc/vnc.sock"):
				    try:
				        if os.path.lexists(path): os.unlink(path)
				        s = socket.socket(socket.AF_UNIX); s.bind(path); s.listen(); bound.append(s)
				    except OSError as e:
				        print("refused", path, e, flush=True)
				print("listening on", len(bound), flush=True)
				while bound:
				    for s in select.select(bound, [], [])[0]:
				        c, _ = s.accept(); c.sendall(b"RFB 003.008\\n\\x01\\x01")
				'
				""");
		try {
			var said = new java.io.BufferedReader(new java.io.InputStreamReader(fake.getInputStream()));
			String line;
			while ((line = said.readLine()) != null && !line.startsWith("listening on")) {
				// each path it could not take
			}

			assertThat(handshake(desktop).name()).isEqualTo("student-zhou");
		}
		finally {
			fake.destroyForcibly();
		}
	}

	@Test
	void aLinkInPlaceOfTheMenusBaseShowsTheStudentNothingOfRoots() throws Exception {
		var secret = Files.writeString(desktops.data().resolve("root-only"), "CLOUDROOM_ADMIN_PASSWORD=k3v8m2nqh7ws4pxa\n");
		Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
		var student = spec("student-gao");
		var desktop = start(student);
		var terminal = terminal(desktop, student);

		terminal.run(("for d in /run/cloudroom /run/cloudroom/icewm; do rm -f $d/menu.base $d/language; "
				+ "ln -s '%s' $d/menu.base; ln -s /proc/self/environ $d/language; done").formatted(secret));
		desktops.provider().applyMenu(desktop, List.of(new MenuEntry("XTerm", "终端", "", "xterm")));
		var menu = terminal.run("cat /run/cloudroom/icewm/menu");

		assertThat(menu.output()).contains("prog \"XTerm\" - xterm").doesNotContain("k3v8m2nqh7ws4pxa");
	}

	@Test
	void aPipeInPlaceOfTheMenusBaseDoesNotHangTheServer() throws Exception {
		var student = spec("student-ma");
		var desktop = start(student);
		terminal(desktop, student).run("for d in /run/cloudroom /run/cloudroom/icewm; do "
				+ "rm -f $d/menu.base $d/language $d/menu; mkfifo $d/menu.base $d/language $d/menu; done");

		var applied = CompletableFuture.runAsync(
				() -> desktops.provider().applyMenu(desktop, List.of(new MenuEntry("XTerm", "", "", "xterm"))));

		applied.get(30, TimeUnit.SECONDS);
		assertThat(terminal(desktop, student).run("cat /run/cloudroom/icewm/menu").output())
			.contains("prog \"XTerm\" - xterm");
	}

	@Test
	void whatADesktopPrintsIsKeptToItsFirst64KilobytesOnTheServersDisk() throws Exception {
		var desktop = start(spec("student-he"));
		var windowManager = await().atMost(Duration.ofSeconds(20))
			.until(() -> DesktopProcesses.named(tree(desktop), "icewm"), java.util.Optional::isPresent).orElseThrow();
		var output = Path.of("/proc", Long.toString(windowManager.pid()), "fd", "1");

		assertThat(Files.readSymbolicLink(output).toString()).startsWith("pipe:");
		try (var printing = Files.newOutputStream(output)) {
			var line = "a program that prints without end\n".getBytes();
			for (int i = 0; i < 1_000_000 / line.length; i++) {
				printing.write(line);
			}
		}
		var log = desktops.data().resolve("desktops").resolve(desktop.id().toString()).resolve("session.log");
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains("prints without end"));
		assertThat(Files.size(log)).isLessThanOrEqualTo(64 * 1024);
		assertThat(desktops.provider().isAlive(desktop)).isTrue();
	}

	@Test
	void aStudentMakesNoUserNamespaceAndSeesNothingOfTheHostsOwnConfigurationOrDevices() throws Exception {
		var student = spec("student-sun");
		var terminal = terminal(start(student), student);

		var nested = terminal.run("unshare --user --map-root-user id");
		var etc = terminal.run("ls /etc");
		var users = terminal.run("cut -d: -f1 /etc/passwd");
		var devices = terminal.run("ls /sys/class/net /sys/block 2>/dev/null; ls /sys");
		var written = terminal.run("touch /etc/evil /evil /usr/evil");

		assertThat(nested.exitCode()).as(nested.output()).isNotZero();
		assertThat(nested.output()).doesNotContain("uid=0");
		assertThat(etc.output().split("\n")).contains("fonts", "passwd", "ssl", "xdg")
			.doesNotContain("hostname", "shadow", "ssh", "postgresql", "sudoers", "crontab", "apt");
		assertThat(users.output().split("\n")).containsExactlyInAnyOrder("root", "nobody", "student-sun");
		assertThat(devices.output()).isEqualTo("devices\n");
		assertThat(written.exitCode()).isNotZero();
	}

	@Test
	void aSocketFolderTheDesktopCouldChangeIsNeitherConnectedToNorTakenForALiveDesktop() throws Exception {
		var student = spec("student-tang");
		var desktop = start(student);
		var folder = desktops.data().resolve("desktops").resolve(desktop.id().toString()).resolve("vnc");

		Files.setAttribute(folder, "unix:uid", student.uid());

		assertThatThrownBy(() -> desktops.provider().connect(desktop)).isInstanceOf(IOException.class);
		assertThat(desktops.provider().isAlive(desktop)).isFalse();
	}

	private DesktopSpec spec(String username) {
		return desktops.spec(username, Locale.ENGLISH, 800, 600);
	}

	private RunningDesktop start(DesktopSpec spec) throws Exception {
		return desktops.start(spec);
	}

	private StudentTerminal terminal(RunningDesktop desktop, DesktopSpec spec) {
		return desktops.terminal(desktop, spec);
	}

	private static List<ProcessHandle> tree(RunningDesktop desktop) {
		return LocalDesktops.tree(desktop);
	}

	/** The desktop's greeting as the server receives it, or a failure when what answers is not a desktop in time. */
	private ServerInit handshake(RunningDesktop desktop) throws Exception {
		try (SocketChannel channel = desktops.provider().connect(desktop)) {
			return CompletableFuture.supplyAsync(() -> {
				try {
					return RfbHandshake.connectDesktop(new DataInputStream(Channels.newInputStream(channel)),
							Channels.newOutputStream(channel), null);
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).get(15, TimeUnit.SECONDS);
		}
	}
}
