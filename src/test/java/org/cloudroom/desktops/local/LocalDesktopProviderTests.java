package org.cloudroom.desktops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.cloudroom.desktops.DesktopProcesses.XVNC;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.DesktopStartException;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.cloudroom.rfb.RfbHandshake;
import org.cloudroom.rfb.ServerInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local provider against real Xvnc and bubblewrap, as root (desktops run under their own uid only then). Each
 * test works in a data directory of its own under {@code target/}, whose parents desktops may pass through, as in
 * a real installation.
 */
class LocalDesktopProviderTests {

	private static final AtomicInteger NEXT_UID = new AtomicInteger(261_000);

	private Path data;
	private LocalDesktopProvider provider;
	private final List<RunningDesktop> started = new ArrayList<>();

	@BeforeEach
	void newDataDirectory() throws IOException {
		assertThat(System.getProperty("user.name")).as("desktops run under their own uid only for root")
			.isEqualTo("root");
		var name = "l-" + UUID.randomUUID().toString().substring(0, 8);
		data = Files.createDirectories(Path.of("target", "test-data", name).toAbsolutePath());
		provider = new LocalDesktopProvider(data, Duration.ofSeconds(15));
	}

	@AfterEach
	void stopDesktopsAndRemoveData() throws IOException {
		started.forEach(provider::stop);
		try (var walk = Files.walk(data)) {
			for (var path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	@Test
	void startedDesktopAnswersRfb38WithItsSizeAndName() throws Exception {
		var spec = spec("lin-hong");

		var desktop = start(spec);

		var init = handshake(desktop);
		assertThat(init.width()).isEqualTo(1024);
		assertThat(init.height()).isEqualTo(768);
		assertThat(init.name()).isEqualTo("lin-hong");
		assertThat(provider.isAlive(desktop)).isTrue();
	}

	@Test
	void desktopWithoutOpenGlStartsItsXServerWithoutMesa() throws Exception {
		var withoutOpenGl = start(spec("gao-fang"));
		var withOpenGl = new LocalDesktopProvider(data, Duration.ofSeconds(15), true).start(spec("gao-ming"));
		started.add(withOpenGl);

		handshake(withOpenGl);
		handshake(withoutOpenGl);

		assertThat(librariesOf(processNamed(withOpenGl, XVNC))).anyMatch(library -> library.contains("swrast_dri"));
		assertThat(librariesOf(processNamed(withoutOpenGl, XVNC))).noneMatch(library -> library.contains("_dri"))
			.noneMatch(library -> library.contains("libLLVM"));
	}

	@Test
	void sessionStartsNoVirtualFileSystemDaemonsThatWouldShowTheHostsDisks() throws Exception {
		var desktop = start(spec("he-ping"));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> DesktopProcesses.named(tree(desktop), "pcmanfm").isPresent());
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> tree(desktop).stream()
			.map(p -> p.info().command().orElse("")).noneMatch(command -> command.contains("gvfs")));

		assertThat(tree(desktop)).extracting(p -> p.info().command().orElse(""))
			.noneMatch(command -> command.contains("gvfs"));
	}

	@Test
	void desktopRunsUnderThePersonsUid() throws Exception {
		var spec = spec("zhou-mei");

		var desktop = start(spec);

		var xvnc = processNamed(desktop, XVNC);
		var uids = Files.readAllLines(Path.of("/proc", Long.toString(xvnc.pid()), "status")).stream()
			.filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
		assertThat(uids.split("\\s+")).containsExactly("Uid:", uid(spec), uid(spec), uid(spec), uid(spec));
		var session = await().atMost(Duration.ofSeconds(5)).until(() -> tree(desktop),
				processes -> DesktopProcesses.named(processes, "icewm").isPresent());
		assertThat(session).extracting(DesktopProcesses::uid).filteredOn(OptionalInt::isPresent).hasSizeGreaterThan(5)
			.allSatisfy(uid -> assertThat(uid).hasValue(spec.uid()));
	}

	@Test
	void startedDesktopShowsItsScreenAloneUntilItsSessionMayStart() throws Exception {
		var desktop = provider.start(spec("qian-bo"));
		started.add(desktop);

		assertThat(handshake(desktop).width()).isEqualTo(1024);
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
			.until(() -> DesktopProcesses.named(tree(desktop), "icewm").isEmpty());
		assertThat(DesktopProcesses.named(tree(desktop), "icewm")).isEmpty();
		provider.startSession(desktop);

		await().atMost(Duration.ofSeconds(5))
			.until(() -> DesktopProcesses.named(tree(desktop), "icewm").isPresent());
	}

	@Test
	void desktopWhoseSessionIsNeverLetStartStartsItAfterTenSeconds() throws Exception {
		var desktop = provider.start(spec("tang-jie"));
		started.add(desktop);

		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
			.until(() -> DesktopProcesses.named(tree(desktop), "icewm").isEmpty());
		assertThat(DesktopProcesses.named(tree(desktop), "icewm")).isEmpty();
		await().atMost(Duration.ofSeconds(12))
			.until(() -> DesktopProcesses.named(tree(desktop), "icewm").isPresent());
	}

	@Test
	void stoppedDesktopLeavesNoProcessNorRunDirectoryButKeepsTheHome() throws Exception {
		var spec = spec("wang-lei");
		var desktop = start(spec);
		Files.writeString(spec.home().resolve("poem.txt"), "床前明月光");
		var session = await().atMost(Duration.ofSeconds(5)).until(() -> tree(desktop),
				processes -> DesktopProcesses.named(processes, "icewm").isPresent());

		provider.stop(desktop);
		started.remove(desktop);

		assertThat(session).hasSizeGreaterThan(5).noneMatch(DesktopProcesses::running);
		assertThat(data.resolve("desktops").resolve(desktop.id().toString())).doesNotExist();
		assertThat(provider.isAlive(desktop)).isFalse();
		assertThat(spec.home().resolve("poem.txt")).hasContent("床前明月光");
	}

	@Test
	void programsDebianInstallsAsGamesStartByTheirNameLikeOthers() throws Exception {
		// GCompris, for one, is /usr/games/gcompris-qt; menus and desktop icons name it "gcompris-qt"
		var spec = spec("xu-lan");
		start(spec);

		var path = inSandboxOf(spec, "echo $PATH").output().strip();

		assertThat(path.split(":")).contains("/usr/bin", "/usr/games", "/usr/local/games");
	}

	@Test
	void xServerFindsItsKeyboardMapCompiledWhileALayoutAProgramSetsIsCompiledAsAlways() throws Exception {
		// Xvnc's own call at its start: the usual map, written to where the sandbox links the server's compiled one
		var spec = spec("wu-lei");
		start(spec);
		var xvncCall = "sh -x /usr/bin/xkbcomp -w 1 -R/usr/share/X11/xkb -xkm - -em1 'could not compile' "
				+ "-emp '> ' -eml 'errors' /tmp/server-1.xkm";
		var cached = Sandbox.SESSION + "/keymap.xkm";

		var usual = inSandboxOf(spec, "readlink /tmp/server-1.xkm && " + xvncCall + " < " + Sandbox.SESSION
				+ "/keymap.xkb 2>&1 && cmp /tmp/server-1.xkm " + cached + " && echo same");
		var german = inSandboxOf(spec, "sed 's/+us+/+de+/' " + Sandbox.SESSION + "/keymap.xkb | " + xvncCall
				+ " 2>&1; [ -L /tmp/server-1.xkm ] || echo 'a file of its own';"
				+ " [ -s /tmp/server-1.xkm ] && ! cmp -s /tmp/server-1.xkm " + cached + " && echo different");

		assertThat(usual.exitCode()).as(usual.output()).isZero();
		assertThat(usual.output()).startsWith(cached + "\n").endsWith("same\n")
			.doesNotContain("/run/cloudroom-xkb/xkbcomp");
		assertThat(german.exitCode()).as(german.output()).isZero();
		// the shell's trace of the pipeline's two sides may interleave: the compiler's path is there all the same
		assertThat(german.output()).contains("/run/cloudroom-xkb/xkbcomp", "a file of its own", "different");
	}

	@Test
	void desktopIconsAppearingLateLeaveTheKeyboardWithTheProgramThePersonOpened() throws Exception {
		// On a busy server PCManFM's desktop window may map after the person opened a program from the menu
		var spec = spec("sun-li");
		var desktop = start(spec);
		var icons = await().atMost(Duration.ofSeconds(10))
			.until(() -> DesktopProcesses.named(tree(desktop), "pcmanfm"), java.util.Optional::isPresent).orElseThrow();
		icons.destroy();
		await().atMost(Duration.ofSeconds(5)).until(() -> inDesktop(desktop, spec, "xdotool", "search", "--classname",
				"cloudroom-desktop").waitFor() != 0);
		var program = inDesktop(desktop, spec, "xterm");
		Process late = null;
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> focused(desktop).equals("xterm"));

			late = inDesktop(desktop, spec, "pcmanfm", "--desktop", "--name=cloudroom-desktop");
			await().atMost(Duration.ofSeconds(10)).until(() -> inDesktop(desktop, spec, "xdotool", "search",
					"--onlyvisible", "--classname", "cloudroom-desktop").waitFor() == 0);
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
				.until(() -> focused(desktop).equals("xterm"));

			assertThat(focused(desktop)).isEqualTo("xterm");
		}
		finally {
			program.destroy();
			if (late != null) {
				late.destroy();
			}
		}
	}

	/**
	 * Runs a program on the desktop's screen and network, as its person, from outside its sandbox (nsenter into its
	 * mounts and network).
	 */
	private static Process inDesktop(RunningDesktop desktop, DesktopSpec spec, String... program) throws IOException {
		return new ProcessBuilder(inDesktopCommand(desktop, spec, program)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
	}

	private static List<String> inDesktopCommand(RunningDesktop desktop, DesktopSpec spec, String... program) {
		var command = new ArrayList<>(List.of("nsenter", "-t", Long.toString(processNamed(desktop, XVNC).pid()), "-m",
				"-n", "--", "setpriv", "--reuid=" + spec.uid(), "--regid=" + spec.uid(), "--clear-groups", "env",
				"DISPLAY=:1", "HOME=/tmp", "XDG_CONFIG_HOME=/tmp/config", "XDG_CACHE_HOME=/tmp/cache"));
		command.addAll(List.of(program));
		return command;
	}

	/** The title of the window that has the keyboard focus. */
	private static String focused(RunningDesktop desktop) throws Exception {
		var command = List.of("nsenter", "-t", Long.toString(processNamed(desktop, XVNC).pid()), "-m", "--", "env",
				"DISPLAY=:1", "xdotool", "getwindowfocus", "getwindowname");
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		process.waitFor();
		return output;
	}

	@Test
	void desktopHasANetworkOfItsOwnThatReachesTheSchoolsButNotTheHostsOwnServicesNorAnotherDesktop() throws Exception {
		var mine = spec("ma-jun");
		var other = spec("tang-yu");
		var desktop = start(mine);
		var otherDesktop = start(other);
		try (var hostOnly = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
				var school = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("0.0.0.0"))) {
			// like a database that trusts every local connection, and a web server of the school's network
			var schoolAddress = java.net.NetworkInterface.networkInterfaces().filter(this::upAndNotLoopback)
				.flatMap(java.net.NetworkInterface::inetAddresses).filter(a -> a instanceof java.net.Inet4Address)
				.findFirst().orElseThrow().getHostAddress();
			var listening = inDesktop(otherDesktop, other, "python3", "-c", "import socket, time; s = socket.socket(); "
					+ "s.bind(('127.0.0.1', 8765)); s.listen(); time.sleep(60)");
			try {
				await().atMost(Duration.ofSeconds(10)).until(() -> probe(desktop, mine, "tap0", "127.0.0.1", 1)
					.contains("tap0 up"));
				var reached = probe(desktop, mine, "host", "127.0.0.1", hostOnly.getLocalPort(), "host-via-gateway",
						"10.0.2.2", hostOnly.getLocalPort(), "other-desktop", "127.0.0.1", 8765, "school",
						schoolAddress, school.getLocalPort());

				assertThat(reached).contains("school reached").contains("host refused")
					.contains("host-via-gateway refused").contains("other-desktop refused");
				assertThat(probe(otherDesktop, other, "own", "127.0.0.1", 8765)).contains("own reached");
			}
			finally {
				listening.destroy();
			}
		}
	}

	private boolean upAndNotLoopback(java.net.NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (java.net.SocketException e) {
			return false;
		}
	}

	/** Tries each named address from inside the desktop: "name reached" or "name refused"; "tap0 up" if it has one. */
	private static String probe(RunningDesktop desktop, DesktopSpec spec, Object... namesHostsPorts) throws Exception {
		var targets = new StringBuilder();
		for (int i = 0; i < namesHostsPorts.length; i += 3) {
			targets.append("('%s', '%s', %s), ".formatted(namesHostsPorts[i], namesHostsPorts[i + 1],
					namesHostsPorts[i + 2]));
		}
		var script = """
				import socket
				if 'tap0' in [name for _, name in socket.if_nameindex()]: print('tap0 up')
				for name, host, port in [%s]:
				    try:
				        socket.create_connection((host, port), timeout=3).close(); print(name, 'reached')
				    except OSError:
				        print(name, 'refused')
				""".formatted(targets);
		var process = new ProcessBuilder(inDesktopCommand(desktop, spec, "python3", "-c", script))
			.redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

	@Test
	void desktopsClockShowsTheSchoolsTimeWhateverTheServersZone() throws Exception {
		var spec = spec("lu-xin");
		var desktop = start(spec);

		var environment = Files.readString(Path.of("/proc", Long.toString(processNamed(desktop, XVNC).pid()),
				"environ"));
		assertThat(environment.split("\0")).contains("TZ=Asia/Shanghai");
		assertThat(inSandboxOf(spec, "date +%z").output().strip()).isEqualTo("+0800");
	}

	@Test
	void sandboxReachesItsOwnHomeOnly() throws Exception {
		var mine = spec("chen-jing");
		var other = spec("li-na");
		start(mine);
		var otherDesktop = start(other);
		Files.writeString(other.home().resolve("secret.txt"), "li-na's diary");
		var serverSecret = Files.writeString(Files.createDirectories(data.resolve("db")).resolve("cloudroom.mv.db"),
				"the server's database");
		var otherSocket = otherDesktop.address();

		var own = inSandboxOf(mine, "echo 'my homework' > ~/homework.txt && cat ~/homework.txt");
		var otherHome = inSandboxOf(mine,
				"cat '%s' || cat /home/li-na/secret.txt".formatted(other.home().resolve("secret.txt")));
		var serverData = inSandboxOf(mine, "cat '%s' || ls '%s'".formatted(serverSecret, data));
		var otherDesktopSocket = inSandboxOf(mine, "socat -u OPEN:/dev/null UNIX-CONNECT:'%s'".formatted(otherSocket));
		var system = inSandboxOf(mine, "touch /usr/evil || touch /etc/evil");

		assertThat(own.output()).isEqualTo("my homework\n");
		assertThat(own.exitCode()).isZero();
		var onDisk = mine.home().resolve("homework.txt");
		assertThat(onDisk).hasContent("my homework");
		assertThat(Files.getAttribute(onDisk, "unix:uid")).isEqualTo(mine.uid());
		assertThat(otherHome.exitCode()).isNotZero();
		assertThat(otherHome.output()).doesNotContain("diary");
		assertThat(serverData.exitCode()).isNotZero();
		assertThat(serverData.output()).doesNotContain("database");
		assertThat(otherDesktopSocket.exitCode()).isNotZero();
		assertThat(system.exitCode()).isNotZero();
		assertThat(Path.of("/usr/evil")).doesNotExist();
		assertThat(Path.of("/etc/evil")).doesNotExist();
	}

	@Test
	void classFoldersShowMaterialsReadOnlyAndOnlyTheAssignmentFoldersWritable() throws Exception {
		var plain = spec("wu-lei");
		var materials = Files.createDirectories(data.resolve("classes/c1/materials"));
		Files.writeString(materials.resolve("lesson.txt"), "静夜思");
		var handIn = Files.createDirectories(data.resolve("classes/c1/hand-in/wu-lei"));
		var assignment = Files.createDirectories(handIn.resolve("Poem"));
		Files.setAttribute(assignment, "unix:uid", plain.uid());
		var spec = new DesktopSpec(plain.id(), plain.username(), plain.home(), plain.uid(), plain.locale(), 1024, 768,
				List.of(), "", "", List.of(new DesktopSpec.Mount(materials, "Classes/五年级 2 班/Materials", false),
						new DesktopSpec.Mount(handIn, "Classes/五年级 2 班/Hand-in", true)));
		Files.createDirectories(spec.home());
		Files.setAttribute(spec.home(), "unix:uid", spec.uid());
		start(spec);
		var inClass = "~/Classes/五年级\\ 2\\ 班";

		var read = inSandboxOf(spec, "cat " + inClass + "/Materials/lesson.txt");
		var handedIn = inSandboxOf(spec, "echo 'my poem' > " + inClass + "/Hand-in/Poem/poem.txt");
		var changeMaterials = inSandboxOf(spec, "echo x > " + inClass + "/Materials/lesson.txt");
		var besideAssignments = inSandboxOf(spec, "mkdir " + inClass + "/Hand-in/Mine");
		var inClassesFolder = inSandboxOf(spec, "touch ~/Classes/lost.txt");

		assertThat(read.output()).isEqualTo("静夜思");
		assertThat(handedIn.exitCode()).isZero();
		assertThat(assignment.resolve("poem.txt")).hasContent("my poem");
		assertThat(changeMaterials.exitCode()).isNotZero();
		assertThat(materials.resolve("lesson.txt")).hasContent("静夜思");
		assertThat(besideAssignments.exitCode()).isNotZero();
		assertThat(inClassesFolder.exitCode()).isNotZero();
		assertThat(spec.home().resolve("Classes/lost.txt")).doesNotExist();
	}

	@Test
	void anotherUidCannotOpenADesktopsSocketOnTheHost() throws Exception {
		var desktop = start(spec("zhao-yu"));
		var stranger = NEXT_UID.incrementAndGet();

		var probe = new ProcessBuilder("setpriv", "--reuid=" + stranger, "--regid=" + stranger, "--clear-groups",
				"socat", "-u", "OPEN:/dev/null", "UNIX-CONNECT:" + desktop.address()).redirectErrorStream(true).start();

		assertThat(probe.waitFor()).isNotZero();
		assertThat(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.contains("Permission denied");
	}

	@Test
	void desktopWhoseXvncCrashedIsNotAlive() throws Exception {
		var desktop = start(spec("sun-li"));
		var bwrap = ProcessHandle.of(Long.parseLong(desktop.handle())).orElseThrow();

		processNamed(desktop, XVNC).destroyForcibly();

		await().atMost(Duration.ofSeconds(5)).until(() -> !provider.isAlive(desktop));
		assertThat(DesktopProcesses.running(bwrap)).isFalse();
	}

	@Test
	void stopAllButEndsLeftoversAndKeepsTheKnownDesktops() throws Exception {
		var kept = start(spec("he-ping"));
		var leftover = start(spec("gao-yan"));
		var leftoverProcesses = tree(leftover);
		var neverStarted = Files.createDirectories(data.resolve("desktops").resolve(UUID.randomUUID().toString()));

		provider.stopAllBut(List.of(kept));

		assertThat(leftoverProcesses).noneMatch(DesktopProcesses::running);
		assertThat(data.resolve("desktops").resolve(leftover.id().toString())).doesNotExist();
		assertThat(neverStarted).doesNotExist();
		assertThat(provider.isAlive(kept)).isTrue();
		assertThat(handshake(kept).name()).isEqualTo("he-ping");
		assertThat(data.resolve("desktops").resolve(".session").resolve("session.sh")).exists();
		started.remove(leftover);
	}

	@Test
	void desktopThatDoesNotStartInTimeLeavesNothingBehind() {
		var impatient = new LocalDesktopProvider(data, Duration.ofMillis(20));
		var spec = spec("ma-chao");

		var failure = catchThrowable(() -> started.add(impatient.start(spec)));

		assertThat(failure).isInstanceOf(DesktopStartException.class).hasMessageContaining("no VNC socket after 20 ms");
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> ProcessHandle.allProcesses()
			.filter(DesktopProcesses::running).noneMatch(p -> DesktopProcesses.uid(p).orElse(-1) == spec.uid()));
		assertThat(data.resolve("desktops").resolve(spec.id().toString())).doesNotExist();
	}

	@Test
	void desktopThatFailsToStartEndsNoProcessOfAnotherUidThatNamesItsFolder() throws Exception {
		// a student's own bubblewrap, say, whose arguments name the folder of a desktop about to start
		var impatient = new LocalDesktopProvider(data, Duration.ofMillis(20));
		var spec = spec("ma-lin");
		var student = NEXT_UID.incrementAndGet();
		var folder = data.resolve("desktops").resolve(spec.id().toString());
		var bystander = new ProcessBuilder("setpriv", "--reuid=" + student, "--regid=" + student, "--clear-groups",
				"--", "bwrap", "--dev-bind", "/", "/", "--setenv", "LESSON", folder + "/icewm", "sleep", "60")
			.redirectErrorStream(true).start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> bystander.toHandle().descendants()
				.anyMatch(p -> p.info().command().orElse("").endsWith("/sleep")));

			var failure = catchThrowable(() -> started.add(impatient.start(spec)));

			assertThat(failure).isInstanceOf(DesktopStartException.class);
			await().atMost(Duration.ofSeconds(2)).until(() -> ProcessHandle.allProcesses()
				.filter(DesktopProcesses::running).noneMatch(p -> DesktopProcesses.uid(p).orElse(-1) == spec.uid()));
			assertThat(bystander.isAlive()).isTrue();
			assertThat(bystander.toHandle().descendants()).isNotEmpty();
		}
		finally {
			bystander.destroyForcibly();
		}
	}

	@Test
	void refusesADataDirectoryTooDeepForUnixSockets() {
		var deep = data.resolve("a-data-directory-deeper-than-any-unix-socket-path-may-be-".repeat(2));

		assertThatThrownBy(() -> new LocalDesktopProvider(deep, Duration.ofSeconds(15)))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("Choose a shorter cloudroom.data");
		assertThat(deep).doesNotExist();
	}

	private DesktopSpec spec(String username) {
		var id = UUID.randomUUID();
		return new DesktopSpec(id, username, data.resolve("homes").resolve(username), NEXT_UID.incrementAndGet(),
				Locale.SIMPLIFIED_CHINESE, 1024, 768);
	}

	private RunningDesktop start(DesktopSpec spec) throws Exception {
		var desktop = provider.start(spec);
		started.add(desktop);
		provider.startSession(desktop);
		return desktop;
	}

	private static ServerInit handshake(RunningDesktop desktop) throws IOException {
		try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(desktop.address()));
			return RfbHandshake.connectDesktop(new DataInputStream(Channels.newInputStream(channel)),
					Channels.newOutputStream(channel), null);
		}
	}

	private static List<ProcessHandle> tree(RunningDesktop desktop) {
		return DesktopProcesses.tree(Long.parseLong(desktop.handle()));
	}

	private static ProcessHandle processNamed(RunningDesktop desktop, String name) {
		return DesktopProcesses.named(tree(desktop), name)
			.orElseThrow(() -> new AssertionError("no " + name + " in desktop " + desktop.id()));
	}

	/** The files a process has mapped: its program and the libraries it loaded. */
	private static List<String> librariesOf(ProcessHandle process) throws IOException {
		return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "maps")).stream()
			.map(line -> line.substring(line.lastIndexOf(' ') + 1)).distinct().toList();
	}

	private static String uid(DesktopSpec spec) {
		return Integer.toString(spec.uid());
	}

	record Outcome(int exitCode, String output) {
	}

	/**
	 * Runs a shell command in a sandbox exactly like the desktop's (same command line, same run directory, same
	 * uid), in place of its session.
	 */
	private Outcome inSandboxOf(DesktopSpec spec, String script) throws Exception {
		var desktops = data.resolve("desktops");
		var session = desktops.resolve(".session");
		var command = new ArrayList<>(Sandbox.command(spec, RunDirectory.of(desktops, spec.id()), session,
				desktops.resolve(".look").resolve(spec.id().toString()),
				new Sandbox.Options(true, true, true, desktops.resolve(".etc"), LocalDesktopProvider.FRAME_RATE)));
		assertThat(command.subList(command.size() - 2, command.size()))
			.containsExactly("/bin/sh", Sandbox.SESSION + "/session.sh");
		command.subList(command.size() - 2, command.size()).clear();
		command.addAll(List.of("/bin/sh", "-c", script));
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Outcome(process.waitFor(), output);
	}
}
