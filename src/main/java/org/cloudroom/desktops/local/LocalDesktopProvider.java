package org.cloudroom.desktops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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
 * ({@link Sandbox}) inside a control group of its own ({@link ControlGroups}). The host is made ready once
 * ({@link DesktopHost}); each desktop's files ({@link DesktopFiles}) and processes ({@link SandboxProcesses}) are
 * the server's, in folders nothing a desktop can change. Sandboxes run in their own session, so they outlive a
 * restart of the server and are adopted again.
 */
public class LocalDesktopProvider implements DesktopProvider {

	private static final Logger log = LoggerFactory.getLogger(LocalDesktopProvider.class);
	/** The frames a second at which a desktop sends its screen's changes, unless the server says otherwise. */
	public static final int FRAME_RATE = 20;

	private final DesktopHost host;
	private final DesktopFiles files;
	private final SandboxProcesses processes;

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
		this(dataDirectory, startTimeout, opengl, ownNetwork, "cloudroom", Clock.systemUTC());
	}

	/**
	 * Desktops whose control groups lie under {@code controlGroup} in each of the host's cgroup hierarchies (none
	 * when the server does not run as root), on the server's {@code clock}.
	 */
	public LocalDesktopProvider(Path dataDirectory, Duration startTimeout, boolean opengl, boolean ownNetwork,
			String controlGroup, Clock clock) {
		this(dataDirectory, startTimeout, opengl, ownNetwork, controlGroup, clock, FRAME_RATE);
	}

	/** Desktops that send their screen's changes at {@code frameRate} frames a second (Xvnc's FrameRate). */
	public LocalDesktopProvider(Path dataDirectory, Duration startTimeout, boolean opengl, boolean ownNetwork,
			String controlGroup, Clock clock, int frameRate) {
		this.host = DesktopHost.prepare(dataDirectory, ownNetwork, controlGroup, clock);
		this.files = new DesktopFiles(host);
		this.processes = new SandboxProcesses(host, startTimeout, opengl, frameRate);
	}

	@Override
	public RunningDesktop start(DesktopSpec spec) throws DesktopStartException {
		var sandbox = new AtomicReference<Process>();
		try {
			files.write(spec);
			processes.start(spec, sandbox::set);
			return new RunningDesktop(spec.id(), host.run(spec.id()).socket().toString(),
					Long.toString(sandbox.get().pid()));
		}
		catch (IOException | RuntimeException e) {
			var reason = files.logTail(spec.id());
			if (sandbox.get() != null) {
				processes.stopFailed(sandbox.get(), spec);
			}
			host.controlGroups().remove(spec.id());
			files.remove(spec.id());
			throw new DesktopStartException("desktop did not start: " + e.getMessage() + reason, e);
		}
	}

	@Override
	public void startSession(RunningDesktop desktop) {
		try {
			SandboxProcesses.startSession(pid(desktop));
		}
		catch (IOException e) {
			log.warn("Could not start the session of desktop {} at once: {}", desktop.id(), e.getMessage());
		}
	}

	@Override
	public void applyMenu(RunningDesktop desktop, List<MenuEntry> menu) {
		try {
			files.applyMenu(desktop.id(), menu);
		}
		catch (IOException e) {
			log.warn("Could not refresh the menu of desktop {}: {}", desktop.id(), e.getMessage());
		}
	}

	/** Alive: its sandbox runs, and its socket is in a folder of the server's (a desktop of older days is not). */
	@Override
	public boolean isAlive(RunningDesktop desktop) {
		if (!SandboxProcesses.runs(pid(desktop))) {
			return false;
		}
		try {
			host.run(desktop.id()).socketOwner(host.asRoot());
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	@Override
	public void stop(RunningDesktop desktop) {
		SandboxProcesses.stop(pid(desktop), Duration.ofSeconds(3));
		host.controlGroups().remove(desktop.id());
		files.remove(desktop.id());
	}

	/**
	 * Connects to the desktop's own X server, and only to it: the socket's path is the server's own, and the process
	 * listening there must run under the uid that made the socket, which is the desktop's.
	 */
	@Override
	public SocketChannel connect(RunningDesktop desktop) throws IOException {
		var run = host.run(desktop.id());
		var owner = run.socketOwner(host.asRoot());
		var channel = SocketChannel.open(StandardProtocolFamily.UNIX);
		try {
			channel.connect(UnixDomainSocketAddress.of(run.socket()));
			var peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
			if (!peer.equals(Files.getOwner(run.socket(), LinkOption.NOFOLLOW_LINKS)) || host.asRoot() && owner == 0) {
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
		try {
			for (var run : files.leftovers(keep)) {
				files.leftoverPid(run).ifPresent(pid -> SandboxProcesses.stop(pid, Duration.ofSeconds(1)));
				log.info("Removed the leftovers of desktop {}", run.path().getFileName());
				files.removeLeftover(run);
			}
			files.removeLooksBut(keep);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var groups = host.controlGroups();
		groups.desktops().stream().filter(id -> !keep.contains(id) && id.matches("[0-9a-f-]{36}"))
			.map(UUID::fromString).forEach(groups::remove);
	}

	@Override
	public OptionalLong memoryBytes(RunningDesktop desktop) {
		return HostMemory.ofSandbox(pid(desktop));
	}

	@Override
	public LimitHits limitHits(RunningDesktop desktop) {
		return host.controlGroups().hits(desktop.id());
	}

	@Override
	public OptionalLong availableMemoryBytes() {
		return HostMemory.available();
	}

	private static long pid(RunningDesktop desktop) {
		try {
			return Long.parseLong(desktop.handle());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}
}
