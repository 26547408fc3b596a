package org.cloudroom.desktops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.DesktopStartException;
import org.cloudroom.desktops.spi.MenuEntry;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktops on this machine: each is TigerVNC's Xvnc, listening on a Unix socket only, with IceWM and the fcitx5
 * input method, and PCManFM drawing the desktop icons and wallpaper ({@link DesktopLook}), in a bubblewrap sandbox
 * ({@link Sandbox}). The sockets live under {@code <data>/desktops}, a directory only the server may enter. Sandboxes run in their own session, so they outlive a restart of the server
 * and are adopted again.
 */
public class LocalDesktopProvider implements DesktopProvider {

	private static final Logger log = LoggerFactory.getLogger(LocalDesktopProvider.class);
	/** A Unix socket's path has at most 107 bytes (108 with its terminating zero, in {@code sockaddr_un}). */
	private static final int MAX_SOCKET_PATH = 107;
	private static final String LANGUAGE = "language";
	private static final String MENU_BASE = "menu.base";
	/** The keyboard map every Xvnc compiles as it starts, compiled once here ({@code desktop/xkbcomp} says why). */
	private static final String KEYMAP = "keymap";
	private static final List<String> SESSION_FILES = List.of("session.sh", "icewm/preferences", "icewm/startup",
			"icewm/theme", "icewm/prefoverride", "icewm/menu", "icewm/toolbar", "icewm/menu.zh", "icewm/toolbar.zh",
			"icewm/winoptions", "xdg/fcitx5/config", "xkbcomp", KEYMAP + ".xkb", "network", "resolv.conf");
	private static final String SLIRP4NETNS = "/usr/bin/slirp4netns";

	private final Path root;
	private final Path session;
	private final Path looks;
	private final Duration startTimeout;
	private final boolean asRoot;
	private final boolean opengl;
	private final boolean ownNetwork;

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
		var socket = root.resolve(new UUID(0, 0).toString()).resolve("vnc.sock").toString();
		if (socket.getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
			throw new IllegalStateException("The data directory " + dataDirectory.toAbsolutePath()
					+ " is too deep for desktops: their VNC sockets (" + socket + ") would be longer than the "
					+ MAX_SOCKET_PATH + " bytes a Unix socket path may have. Choose a shorter cloudroom.data.");
		}
		prepare();
	}

	@Override
	public RunningDesktop start(DesktopSpec spec) throws DesktopStartException {
		var run = root.resolve(spec.id().toString());
		Process process = null;
		try {
			Files.createDirectories(run);
			Files.createDirectories(spec.home());
			Files.writeString(run.resolve("passwd"), passwd(spec));
			Files.writeString(run.resolve("group"), group(spec));
			copySessionConfiguration(run, spec.locale());
			var look = looks.resolve(spec.id().toString());
			DesktopLook.write(look, spec);
			personalise(run, spec, look);
			if (asRoot) {
				ownBy(run, spec.uid());
				ownBy(run.resolve("icewm/menu"), spec.uid());
				ownHome(spec.home(), spec.uid());
			}
			Files.setPosixFilePermissions(spec.home(), PosixFilePermissions.fromString("rwx------"));
			Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
			var builder = new ProcessBuilder(Sandbox.command(spec, run, session, look, asRoot, opengl, ownNetwork));
			builder.environment().clear();
			builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
			builder.redirectErrorStream(true).redirectOutput(run.resolve("session.log").toFile());
			process = builder.start();
			Files.writeString(run.resolve("pid"), Long.toString(process.pid()));
			awaitSocket(process, run.resolve("vnc.sock"));
			if (ownNetwork) {
				connectNetwork(process);
			}
			return new RunningDesktop(spec.id(), run.resolve("vnc.sock").toString(), Long.toString(process.pid()));
		}
		catch (IOException | RuntimeException e) {
			var reason = logTail(run);
			if (process != null) {
				ProcessTree.of(process.pid()).ifPresent(tree -> tree.stop(Duration.ZERO));
			}
			deleteQuietly(run);
			deleteQuietly(looks.resolve(spec.id().toString()));
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
	 * The desktop's own uid writes the new menu, in place: its run directory is the person's, who could put a link
	 * there to make the server write elsewhere, and IceWM reloads a menu file it sees change.
	 */
	@Override
	public void applyMenu(RunningDesktop desktop, List<MenuEntry> menu) {
		var run = root.resolve(desktop.id().toString());
		try {
			DesktopLook.applyPrograms(looks.resolve(desktop.id().toString()), menu);
			var chinese = Files.readString(run.resolve(LANGUAGE)).strip().equals("zh");
			var text = SessionMenu.render(Files.readString(run.resolve(MENU_BASE)), menu, chinese);
			var file = run.resolve("icewm/menu");
			if (!asRoot) {
				Files.writeString(file, text);
				return;
			}
			var uid = Files.getAttribute(run, "unix:uid").toString();
			var tee = new ProcessBuilder("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--",
					"tee", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
			try (var in = tee.getOutputStream()) {
				in.write(text.getBytes(StandardCharsets.UTF_8));
			}
			if (!tee.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || tee.exitValue() != 0) {
				tee.destroyForcibly();
				throw new IOException("the desktop's uid could not write its menu");
			}
		}
		catch (IOException e) {
			log.warn("Could not refresh the menu of desktop {}: {}", desktop.id(), e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isAlive(RunningDesktop desktop) {
		return ProcessTree.of(pid(desktop)).isPresent() && Files.exists(Path.of(desktop.address()));
	}

	@Override
	public void stop(RunningDesktop desktop) {
		ProcessTree.of(pid(desktop)).ifPresent(tree -> tree.stop(Duration.ofSeconds(3)));
		deleteQuietly(root.resolve(desktop.id().toString()));
		deleteQuietly(looks.resolve(desktop.id().toString()));
	}

	@Override
	public java.nio.channels.SocketChannel connect(RunningDesktop desktop) throws IOException {
		var channel = java.nio.channels.SocketChannel.open(StandardProtocolFamily.UNIX);
		try {
			channel.connect(UnixDomainSocketAddress.of(desktop.address()));
			return channel;
		}
		catch (IOException e) {
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
				try {
					var pid = Long.parseLong(Files.readString(run.resolve("pid")).strip());
					ProcessTree.of(pid).ifPresent(tree -> tree.stop(Duration.ofSeconds(1)));
				}
				catch (IOException | NumberFormatException e) {
					// no pid written: it never started
				}
				log.info("Removed the leftovers of desktop {}", name);
				deleteQuietly(run);
			}
			try (var lookEntries = Files.list(looks)) {
				lookEntries.filter(look -> !keep.contains(look.getFileName().toString())).forEach(LocalDesktopProvider::deleteQuietly);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public OptionalLong memoryBytes(RunningDesktop desktop) {
		return ProcessTree.of(pid(desktop)).map(ProcessTree::pssBytes).orElse(OptionalLong.empty());
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
				requireTraversable(root.getParent());
			}
			for (var file : SESSION_FILES) {
				var target = session.resolve(file);
				Files.createDirectories(target.getParent());
				try (var in = getClass().getResourceAsStream("/desktop/" + file)) {
					if (in == null) {
						throw new IllegalStateException("missing desktop/" + file + " on the classpath");
					}
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			compileKeymap();
			try (var walk = Files.walk(session)) {
				for (var path : walk.toList()) {
					var name = path.getFileName().toString();
					var executable = Files.isDirectory(path) || List.of("startup", "xkbcomp", "network").contains(name);
					Files.setPosixFilePermissions(path,
							PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
			// Sandboxes may pass through (to bind their own directory) but not list it; each desktop's directory
			// is its uid's alone, so no desktop reaches another's socket.
			Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot prepare " + root, e);
		}
	}

	/**
	 * Compiles the keyboard map Xvnc asks for at every start, as Xvnc would, into the session directory. Without it
	 * (no xkbcomp here), each Xvnc compiles its own, as it would anyway.
	 */
	private void compileKeymap() throws IOException {
		var compiled = session.resolve(KEYMAP + ".xkm");
		Files.deleteIfExists(compiled);
		try {
			var xkbcomp = new ProcessBuilder("xkbcomp", "-w", "1", "-R/usr/share/X11/xkb", "-xkm",
					session.resolve(KEYMAP + ".xkb").toString(), compiled.toString()).redirectErrorStream(true).start();
			var output = new String(xkbcomp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (xkbcomp.waitFor() != 0 || !Files.exists(compiled)) {
				log.warn("Could not compile the desktops' keyboard map; each Xvnc compiles its own: {}", output.strip());
			}
		}
		catch (IOException e) {
			log.warn("Could not compile the desktops' keyboard map; each Xvnc compiles its own: {}", e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A sandbox runs under its person's uid and must pass through the data directory to reach its own home and
	 * socket directory. The data directory is made passable (not listable); a closed parent is reported clearly.
	 */
	private static void requireTraversable(Path data) throws IOException {
		var permissions = Files.getPosixFilePermissions(data);
		permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
		permissions.add(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE);
		Files.setPosixFilePermissions(data, permissions);
		for (var dir = data.getParent(); dir != null; dir = dir.getParent()) {
			if (!Files.getPosixFilePermissions(dir).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
				throw new IllegalStateException("Desktops run under their own uids and cannot reach " + data + ": "
						+ dir + " is closed to other users. Run 'chmod o+x " + dir + "' or choose another CLOUDROOM_DATA.");
			}
		}
	}

	/** Each desktop gets its own IceWM configuration, with the menus in its language. */
	private void copySessionConfiguration(Path run, Locale locale) throws IOException {
		var icewm = run.resolve("icewm");
		Files.createDirectories(icewm);
		var chinese = "zh".equals(locale.getLanguage());
		for (var name : List.of("preferences", "prefoverride", "startup", "theme", "menu", "toolbar", "winoptions")) {
			var source = session.resolve("icewm").resolve(chinese && Files.exists(session.resolve("icewm/" + name + ".zh"))
					? name + ".zh" : name);
			Files.copy(source, icewm.resolve(name), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.COPY_ATTRIBUTES);
		}
	}

	/** The person's programs in the menu, the profile's browser with its home page, and its wallpaper. */
	private static void personalise(Path run, DesktopSpec spec, Path look) throws IOException {
		var icewm = run.resolve("icewm");
		Files.writeString(run.resolve(LANGUAGE), spec.locale().getLanguage());
		var browser = spec.look().browser();
		var base = SessionMenu.withBrowser(Files.readString(icewm.resolve("menu")), browser, spec.homePage());
		Files.writeString(run.resolve(MENU_BASE), base);
		var chinese = "zh".equals(spec.locale().getLanguage());
		Files.writeString(icewm.resolve("menu"), SessionMenu.render(base, spec.menu(), chinese));
		Files.writeString(icewm.resolve("toolbar"),
				SessionMenu.withBrowser(Files.readString(icewm.resolve("toolbar")), browser, spec.homePage()));
		Files.writeString(icewm.resolve("prefoverride"),
				SessionMenu.wallpaper(spec.wallpaper()) + DesktopLook.iceWmWallpaper(look),
				java.nio.file.StandardOpenOption.APPEND);
	}

	/** Starts the sandbox's network (desktop/network), in a session of its own: it outlives a server restart. */
	private void connectNetwork(Process bubblewrap) throws IOException {
		var init = bubblewrap.toHandle().children().findFirst()
			.orElseThrow(() -> new IOException("the sandbox has no init process"));
		new ProcessBuilder("setsid", "/bin/sh", session.resolve("network").toString(), Long.toString(init.pid()),
				Long.toString(bubblewrap.pid())).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	private void awaitSocket(Process process, Path socket) throws IOException {
		long deadline = System.nanoTime() + startTimeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("the session ended with exit code " + process.exitValue());
			}
			if (Files.exists(socket)) {
				try (var channel = java.nio.channels.SocketChannel.open(StandardProtocolFamily.UNIX)) {
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

	private static String passwd(DesktopSpec spec) throws IOException {
		var host = Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8).stream()
			.filter(line -> !line.startsWith(spec.username() + ":"))
			.collect(Collectors.joining("\n", "", "\n"));
		return host + Sandbox.passwdLine(spec);
	}

	private static String group(DesktopSpec spec) throws IOException {
		return Files.readString(Path.of("/etc/group"), StandardCharsets.UTF_8).stripTrailing()
				+ "\n%s:x:%d:%n".formatted(spec.username(), spec.uid());
	}

	private static void ownBy(Path path, int uid) throws IOException {
		try {
			Files.setAttribute(path, "unix:uid", uid);
			Files.setAttribute(path, "unix:gid", uid);
		}
		catch (UnsupportedOperationException e) {
			throw new IOException("cannot set the owner of " + path, e);
		}
	}

	/** The home is the person's: owned by their uid, down to files the server wrote there for them. */
	private static void ownHome(Path home, int uid) throws IOException {
		if (Integer.valueOf(uid).equals(Files.getAttribute(home, "unix:uid"))) {
			return;
		}
		try (var walk = Files.walk(home)) {
			for (var path : walk.toList()) {
				ownBy(path, uid);
			}
		}
	}

	private static long pid(RunningDesktop desktop) {
		try {
			return Long.parseLong(desktop.handle());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static String logTail(Path run) {
		try {
			var lines = Files.readAllLines(run.resolve("session.log"));
			return "; session log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
		}
		catch (IOException | UncheckedIOException e) {
			return "";
		}
	}

	private static void deleteQuietly(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (var walk = Files.walk(directory)) {
			for (var path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException e) {
			log.warn("Could not remove {}: {}", directory, e.getMessage());
		}
	}
}
