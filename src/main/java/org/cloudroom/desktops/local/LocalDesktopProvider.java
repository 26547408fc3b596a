package org.cloudroom.desktops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.DesktopStartException;
import org.cloudroom.desktops.spi.LimitHits;
import org.cloudroom.desktops.spi.MenuEntry;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jdk.net.ExtendedSocketOptions;

/**
 * Desktops on this machine: each is TigerVNC's Xvnc, listening on a Unix socket only, with IceWM and the fcitx5
 * input method, and PCManFM drawing the desktop icons and wallpaper ({@link DesktopLook}), in a bubblewrap sandbox
 * ({@link Sandbox}) inside a control group of its own ({@link ControlGroups}). What the server reads, writes and
 * connects to lies in folders of its own ({@link RunDirectory}): nothing a desktop can change. Sandboxes run in
 * their own session, so they outlive a restart of the server and are adopted again.
 */
public class LocalDesktopProvider implements DesktopProvider {

	private static final Logger log = LoggerFactory.getLogger(LocalDesktopProvider.class);
	/** A Unix socket's path has at most 107 bytes (108 with its terminating zero, in {@code sockaddr_un}). */
	private static final int MAX_SOCKET_PATH = 107;
	private static final String LANGUAGE = "language";
	private static final String MENU_BASE = "menu.base";
	private static final String SESSION_LOG = "session.log";
	/** What a session may write into its log at most; the rest is read and dropped. */
	private static final int LOG_LIMIT = 64 * 1024;
	private static final String SLIRP4NETNS = "/usr/bin/slirp4netns";
	private static final Path CONTROL_GROUPS = Path.of("/sys/fs/cgroup");

	private final Path root;
	private final Path session;
	private final Path looks;
	private final Duration startTimeout;
	private final boolean asRoot;
	private final boolean opengl;
	private final boolean ownNetwork;
	private final ControlGroups limits;
	private final HostEtc etc;

	/** Desktops without OpenGL, as by default. */
	public LocalDesktopProvider(Path dataDirectory, Duration startTimeout) {
		this(dataDirectory, startTimeout, false);
	}

	/** Desktops with or without OpenGL (GLX): without, Xvnc starts without loading Mesa's software renderer. */
	public LocalDesktopProvider(Path dataDirectory, Duration startTimeout, boolean opengl) {
		this(dataDirectory, startTimeout, opengl, true);
	}

	/**
	 * Desktops with or without a network of their own ({@code desktop/network}); they share the host's when the
	 * server does not run as root or slirp4netns is missing.
	 */
	public LocalDesktopProvider(Path dataDirectory, Duration startTimeout, boolean opengl, boolean ownNetwork) {
		this(dataDirectory, startTimeout, opengl, ownNetwork, "cloudroom");
	}

	/**
	 * Desktops whose control groups lie under {@code controlGroup} in each of the host's cgroup hierarchies; none
	 * when the server does not run as root.
	 */
	public LocalDesktopProvider(Path dataDirectory, Duration startTimeout, boolean opengl, boolean ownNetwork,
			String controlGroup) {
		this.opengl = opengl;
		this.root = dataDirectory.resolve("desktops").toAbsolutePath();
		this.session = root.resolve(".session");
		this.looks = root.resolve(".look");
		this.startTimeout = startTimeout;
		this.asRoot = "root".equals(System.getProperty("user.name"));
		this.ownNetwork = ownNetwork && asRoot && Files.isExecutable(Path.of(SLIRP4NETNS));
		if (ownNetwork && !this.ownNetwork) {
			log.warn("Desktops share the host's network: a network of their own needs the server to run as root "
					+ "and {} (Debian package slirp4netns)", SLIRP4NETNS);
		}
		var socket = RunDirectory.of(root, new UUID(0, 0)).socket().toString();
		if (socket.getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
			throw new IllegalStateException("The data directory " + dataDirectory.toAbsolutePath()
					+ " is too deep for desktops: their VNC sockets (" + socket + ") would be longer than the "
					+ MAX_SOCKET_PATH + " bytes a Unix socket path may have. Choose a shorter cloudroom.data.");
		}
		prepare();
		this.etc = hostEtc();
		etc.refresh();
		this.limits = ControlGroups.on(CONTROL_GROUPS, controlGroup, asRoot);
	}

	@Override
	public RunningDesktop start(DesktopSpec spec) throws DesktopStartException {
		var run = RunDirectory.of(root, spec.id());
		var look = looks.resolve(spec.id().toString());
		Process sandbox = null;
		try {
			run.make(spec.uid(), asRoot);
			Files.writeString(run.file("passwd"), passwd(spec));
			Files.writeString(run.file("group"), group(spec));
			Files.writeString(run.file("machine-id"), HexFormat.of().toHexDigits(spec.id().getMostSignificantBits())
					+ HexFormat.of().toHexDigits(spec.id().getLeastSignificantBits()) + "\n");
			copySessionConfiguration(run, spec.locale());
			DesktopLook.write(look, spec);
			personalise(run, spec, look);
			prepareHome(spec);
			etc.refreshIfStale();
			var command = new java.util.ArrayList<>(limits.enter(spec.id(), spec.limits()));
			command.addAll(Sandbox.command(spec, run, session, look,
					new Sandbox.Options(asRoot, opengl, ownNetwork, etc.folder())));
			var builder = new ProcessBuilder(command).redirectErrorStream(true);
			builder.environment().clear();
			builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
			// The session's output goes to a log of the server's through a keeper of its own session (it outlives a
			// restart of the server), which keeps the first 64 KB: what a desktop prints cannot fill the disk.
			var keeper = new ProcessBuilder("setsid", "/bin/sh", "-c",
					"stdbuf -o0 head -c " + LOG_LIMIT + "; exec cat >/dev/null")
				.redirectOutput(run.file(SESSION_LOG).toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
			keeper.environment().clear();
			keeper.environment().put("PATH", "/usr/bin:/bin");
			sandbox = ProcessBuilder.startPipeline(List.of(builder, keeper)).getFirst();
			Files.writeString(run.file("pid"), Long.toString(sandbox.pid()));
			awaitSocket(sandbox, run.socket());
			run.takeSocket(asRoot);
			if (ownNetwork) {
				connectNetwork(sandbox);
			}
			return new RunningDesktop(spec.id(), run.socket().toString(), Long.toString(sandbox.pid()));
		}
		catch (IOException | RuntimeException e) {
			var reason = logTail(run);
			if (sandbox != null) {
				ProcessTree.of(sandbox.pid()).ifPresent(tree -> tree.stop(Duration.ZERO));
			}
			limits.remove(spec.id());
			deleteQuietly(run);
			deleteQuietly(look);
			throw new DesktopStartException("desktop did not start: " + e.getMessage() + reason, e);
		}
	}

	/** The session script waits for SIGUSR1 (or ten seconds) before it starts IceWM and the input method. */
	@Override
	public void startSession(RunningDesktop desktop) {
		try {
			var tree = ProcessTree.of(pid(desktop));
			if (tree.isPresent()) {
				tree.get().signalSession("USR1");
			}
		}
		catch (IOException e) {
			log.warn("Could not start the session of desktop {} at once: {}", desktop.id(), e.getMessage());
		}
	}

	/**
	 * Rewrites the desktop's menu in place (IceWM reloads a menu file it sees change) from its base and language:
	 * all three are the server's files in the server's folder, which the desktop reads but cannot change.
	 */
	@Override
	public void applyMenu(RunningDesktop desktop, List<MenuEntry> menu) {
		var run = RunDirectory.of(root, desktop.id());
		try {
			DesktopLook.applyPrograms(looks.resolve(desktop.id().toString()), menu);
			var chinese = Files.readString(run.file(LANGUAGE)).strip().equals("zh");
			var text = SessionMenu.render(Files.readString(run.file(MENU_BASE)), menu, chinese);
			Files.writeString(run.icewm().resolve("menu"), text, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException e) {
			log.warn("Could not refresh the menu of desktop {}: {}", desktop.id(), e.getMessage());
		}
	}

	/** Alive: its sandbox runs, and its socket is in a folder of the server's (a desktop of older days is not). */
	@Override
	public boolean isAlive(RunningDesktop desktop) {
		if (ProcessTree.of(pid(desktop)).isEmpty()) {
			return false;
		}
		try {
			RunDirectory.of(root, desktop.id()).socketOwner(asRoot);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	@Override
	public void stop(RunningDesktop desktop) {
		ProcessTree.of(pid(desktop)).ifPresent(tree -> tree.stop(Duration.ofSeconds(3)));
		limits.remove(desktop.id());
		deleteQuietly(RunDirectory.of(root, desktop.id()));
		deleteQuietly(looks.resolve(desktop.id().toString()));
	}

	/**
	 * Connects to the desktop's own X server, and only to it: the socket's path is the server's own, and the process
	 * listening there must run under the uid that made the socket, which is the desktop's.
	 */
	@Override
	public SocketChannel connect(RunningDesktop desktop) throws IOException {
		var run = RunDirectory.of(root, desktop.id());
		var owner = run.socketOwner(asRoot);
		var channel = SocketChannel.open(StandardProtocolFamily.UNIX);
		try {
			channel.connect(UnixDomainSocketAddress.of(run.socket()));
			var peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
			if (!peer.equals(Files.getOwner(run.socket(), LinkOption.NOFOLLOW_LINKS)) || asRoot && owner == 0) {
				throw new IOException("desktop " + desktop.id() + " answered from a process of another user");
			}
			return channel;
		}
		catch (IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
	}

	@Override
	public void stopAllBut(Collection<RunningDesktop> known) {
		Set<String> keep = known.stream().map(d -> d.id().toString()).collect(Collectors.toSet());
		try (var entries = Files.list(root)) {
			for (var run : entries.filter(Files::isDirectory).toList()) {
				var name = run.getFileName().toString();
				if (name.startsWith(".") || keep.contains(name)) {
					continue;
				}
				leftoverPid(run).flatMap(ProcessTree::of).ifPresent(tree -> tree.stop(Duration.ofSeconds(1)));
				log.info("Removed the leftovers of desktop {}", name);
				deleteQuietly(new RunDirectory(run));
			}
			try (var lookEntries = Files.list(looks)) {
				lookEntries.filter(look -> !keep.contains(look.getFileName().toString()))
					.forEach(LocalDesktopProvider::deleteQuietly);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		limits.desktops().stream().filter(id -> !keep.contains(id) && id.matches("[0-9a-f-]{36}"))
			.map(UUID::fromString).forEach(limits::remove);
	}

	@Override
	public OptionalLong memoryBytes(RunningDesktop desktop) {
		return ProcessTree.of(pid(desktop)).map(ProcessTree::pssBytes).orElse(OptionalLong.empty());
	}

	@Override
	public LimitHits limitHits(RunningDesktop desktop) {
		return limits.hits(desktop.id());
	}

	@Override
	public OptionalLong availableMemoryBytes() {
		try {
			for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemAvailable:")) {
					return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
				}
			}
		}
		catch (IOException | NumberFormatException e) {
			// not Linux: no figure
		}
		return OptionalLong.empty();
	}

	private void prepare() {
		try {
			Files.createDirectories(root);
			Files.createDirectories(looks);
			Files.setPosixFilePermissions(looks, PosixFilePermissions.fromString("rwx--x--x"));
			if (asRoot) {
				SessionFiles.requireTraversable(root.getParent());
			}
			SessionFiles.write(session);
			// Sandboxes may pass through (to bind their own folders) but not list it.
			Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot prepare " + root, e);
		}
	}

	/** What desktops see of the host's /etc: what {@code desktop/etc} names, with Cloudroom's additions. */
	private HostEtc hostEtc() {
		try {
			return new HostEtc(Path.of("/etc"), root.resolve(".etc"), SessionFiles.etc(session),
					SessionFiles.etcAdditions(session), session.resolve("hosts"),
					ownNetwork ? session.resolve("resolv.conf") : Path.of("/etc/resolv.conf"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + session, e);
		}
	}

	/**
	 * Each desktop gets its own IceWM configuration, with the menus and the start button in its language; the theme
	 * is the session's, seen through a link that IceWM follows inside the sandbox.
	 */
	private void copySessionConfiguration(RunDirectory run, Locale locale) throws IOException {
		var chinese = "zh".equals(locale.getLanguage());
		Files.createDirectory(run.icewm().resolve("taskbar"));
		for (var name : List.of("preferences", "prefoverride", "startup", "theme", "menu", "toolbar", "winoptions",
				"taskbar/start.png")) {
			var zh = name.replaceFirst("(\\.png)?$", ".zh$1");
			var source = session.resolve("icewm").resolve(chinese && Files.exists(session.resolve("icewm/" + zh))
					? zh : name);
			Files.copy(source, run.icewm().resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
		}
		Files.createSymbolicLink(run.icewm().resolve("themes"),
				Path.of(Sandbox.SESSION).resolve(SessionFiles.THEME).getParent());
	}

	/** The person's programs in the menu, the profile's browser with its home page, and its wallpaper. */
	private static void personalise(RunDirectory run, DesktopSpec spec, Path look) throws IOException {
		var icewm = run.icewm();
		Files.writeString(run.file(LANGUAGE), spec.locale().getLanguage());
		var browser = spec.look().browser();
		var base = SessionMenu.withBrowser(Files.readString(icewm.resolve("menu")), browser, spec.homePage());
		Files.writeString(run.file(MENU_BASE), base);
		for (var own : List.of(LANGUAGE, MENU_BASE)) {
			Files.setPosixFilePermissions(run.file(own), PosixFilePermissions.fromString("rw-------"));
		}
		var chinese = "zh".equals(spec.locale().getLanguage());
		Files.writeString(icewm.resolve("menu"), SessionMenu.render(base, spec.menu(), chinese));
		Files.writeString(icewm.resolve("toolbar"),
				SessionMenu.withBrowser(Files.readString(icewm.resolve("toolbar")), browser, spec.homePage()));
		Files.writeString(icewm.resolve("prefoverride"),
				SessionMenu.wallpaper(spec.wallpaper()) + DesktopLook.iceWmWallpaper(look),
				StandardOpenOption.APPEND);
	}

	/**
	 * The home is the person's alone: owned by their uid down to the files the server wrote there for them. Nothing
	 * of the person's runs while it is walked, and no link in it is followed.
	 */
	private void prepareHome(DesktopSpec spec) throws IOException {
		var home = spec.home();
		Files.createDirectories(home);
		if (asRoot && !Integer.valueOf(spec.uid()).equals(Files.getAttribute(home, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
			try (var walk = Files.walk(home)) {
				for (var path : walk.toList()) {
					RunDirectory.own(path, spec.uid());
				}
			}
		}
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
	}

	/** Starts the sandbox's network (desktop/network), in a session of its own: it outlives a server restart. */
	private void connectNetwork(Process sandbox) throws IOException {
		var bubblewrap = sandbox.toHandle();
		var init = bubblewrap.children().findFirst()
			.orElseThrow(() -> new IOException("the sandbox has no init process"));
		new ProcessBuilder("setsid", "/bin/sh", session.resolve("network").toString(), Long.toString(init.pid()),
				Long.toString(bubblewrap.pid())).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	/** Waits until Xvnc accepts on its socket; nothing of the person's runs yet (desktop/session.sh waits). */
	private void awaitSocket(Process process, Path socket) throws IOException {
		long deadline = System.nanoTime() + startTimeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("the session ended with exit code " + process.exitValue());
			}
			if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
				try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
					channel.connect(UnixDomainSocketAddress.of(socket));
					return;
				}
				catch (IOException notYet) {
					// Xvnc made the socket but does not accept yet
				}
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while the desktop started");
			}
		}
		throw new IOException("no VNC socket after " + startTimeout.toMillis() + " ms");
	}

	/** The pid a leftover's folder names, if the folder and its pid file are the server's. */
	private java.util.Optional<Long> leftoverPid(Path run) {
		try {
			var pid = run.resolve("pid");
			if (asRoot && (!Integer.valueOf(0).equals(Files.getAttribute(run, "unix:uid", LinkOption.NOFOLLOW_LINKS))
					|| !Integer.valueOf(0).equals(Files.getAttribute(pid, "unix:uid", LinkOption.NOFOLLOW_LINKS)))) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(Long.parseLong(Files.readString(pid).strip()));
		}
		catch (IOException | NumberFormatException e) {
			return java.util.Optional.empty();
		}
	}

	/** The desktop's users: root, nobody and its person; none of the host's own. */
	private static String passwd(DesktopSpec spec) {
		return "root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
				+ Sandbox.passwdLine(spec);
	}

	private static String group(DesktopSpec spec) {
		return "root:x:0:\nnogroup:x:65534:\n%s:x:%d:%n".formatted(spec.username(), spec.uid());
	}

	private static long pid(RunningDesktop desktop) {
		try {
			return Long.parseLong(desktop.handle());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static String logTail(RunDirectory run) {
		try {
			var lines = Files.readAllLines(run.file(SESSION_LOG));
			return "; session log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
		}
		catch (IOException | UncheckedIOException e) {
			return "";
		}
	}

	private static void deleteQuietly(RunDirectory run) {
		try {
			run.delete();
		}
		catch (IOException e) {
			log.warn("Could not remove {}: {}", run.path(), e.getMessage());
		}
	}

	private static void deleteQuietly(Path directory) {
		try {
			RunDirectory.deleteWithoutFollowing(directory);
		}
		catch (IOException e) {
			log.warn("Could not remove {}: {}", directory, e.getMessage());
		}
	}
}
