package org.cloudroom.desktops.local;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.cloudroom.desktops.spi.DesktopSpec;

/**
 * The life of a desktop's processes: its sandbox started (inside its control group, its output kept in a log of the
 * server's) and given its network, waited for until Xvnc listens, let start its session, asked whether it still runs,
 * and stopped with everything in it.
 */
final class SandboxProcesses {

	/** What a session may write into its log at most; the rest is read and dropped. */
	private static final int LOG_LIMIT = 64 * 1024;

	private final DesktopHost host;
	private final Duration startTimeout;
	private final boolean opengl;
	private final int frameRate;

	SandboxProcesses(DesktopHost host, Duration startTimeout, boolean opengl, int frameRate) {
		this.host = host;
		this.startTimeout = startTimeout;
		this.opengl = opengl;
		this.frameRate = frameRate;
	}

	/**
	 * Starts the desktop's sandbox and returns it once Xvnc accepts on its socket and the socket's folder is the
	 * server's; the sandbox's pid is in {@code pid} of its folder. {@code started} hears of the sandbox at once, so
	 * that a caller can stop what started when a later step fails.
	 */
	Process start(DesktopSpec spec, Consumer<Process> started) throws IOException {
		var run = host.run(spec.id());
		host.etc().refreshIfStale();
		var command = new ArrayList<>(host.controlGroups().enter(spec.id(), spec.limits()));
		command.addAll(Sandbox.command(spec, run, host.session(), host.look(spec.id()),
				new Sandbox.Options(host.asRoot(), opengl, host.ownNetwork(), host.etc().folder(), frameRate)));
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
		// The session's output goes to a log of the server's through a keeper of its own session (it outlives a
		// restart of the server), which keeps the first 64 KB: what a desktop prints cannot fill the disk.
		var keeper = new ProcessBuilder("setsid", "/bin/sh", "-c",
				"stdbuf -o0 head -c " + LOG_LIMIT + "; exec cat >/dev/null")
			.redirectOutput(run.file(DesktopFiles.SESSION_LOG).toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
		keeper.environment().clear();
		keeper.environment().put("PATH", "/usr/bin:/bin");
		var sandbox = ProcessBuilder.startPipeline(List.of(builder, keeper)).getFirst();
		started.accept(sandbox);
		Files.writeString(run.file(DesktopFiles.PID), Long.toString(sandbox.pid()));
		awaitSocket(sandbox, run.socket());
		run.takeSocket(host.asRoot());
		if (host.ownNetwork()) {
			connectNetwork(sandbox);
		}
		return sandbox;
	}

	/** The session script waits for SIGUSR1 (or ten seconds) before it starts IceWM and the input method. */
	static void startSession(long pid) throws IOException {
		var tree = ProcessTree.of(pid);
		if (tree.isPresent()) {
			tree.get().signalSession("USR1");
		}
	}

	/**
	 * Stops a sandbox whose start failed, with everything in it. Bubblewrap may have been creating the sandbox's init
	 * at that very moment, which then outlives it: that init is found by the desktop's folder its arguments name, and
	 * by the uid the sandbox runs under. Another uid's process naming the folder (a student's, say) is not the
	 * sandbox's and stays.
	 */
	void stopFailed(Process sandbox, DesktopSpec spec) {
		ProcessTree.of(sandbox).stop(Duration.ZERO);
		var folder = host.run(spec.id()).path().toString();
		long uid = host.asRoot() ? spec.uid() : ProcessTree.uid(ProcessHandle.current()).orElse(-1);
		ProcessHandle.allProcesses()
			.filter(p -> p.info().arguments().stream().flatMap(Arrays::stream).anyMatch(a -> a.startsWith(folder)))
			.filter(p -> ProcessTree.uid(p).orElse(-1) == uid)
			.forEach(p -> stop(p.pid(), Duration.ZERO));
	}

	/** Whether the sandbox started as {@code pid} still runs. */
	static boolean runs(long pid) {
		return ProcessTree.of(pid).isPresent();
	}

	/** Stops the sandbox started as {@code pid}, if it runs, giving its programs {@code patience} to end. */
	static void stop(long pid, Duration patience) {
		ProcessTree.of(pid).ifPresent(tree -> tree.stop(patience));
	}

	/** Starts the sandbox's network (desktop/network), in a session of its own: it outlives a server restart. */
	private void connectNetwork(Process sandbox) throws IOException {
		var bubblewrap = sandbox.toHandle();
		var init = bubblewrap.children().findFirst()
			.orElseThrow(() -> new IOException("the sandbox has no init process"));
		new ProcessBuilder("setsid", "/bin/sh", host.session().resolve("network").toString(),
				Long.toString(init.pid()), Long.toString(bubblewrap.pid()))
			.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	/**
	 * Waits until Xvnc accepts on its socket; nothing of the person's runs yet (desktop/session.sh waits). The wait is
	 * measured on {@link System#nanoTime()}: a timeout for a process, not a time of the schools' clock.
	 */
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
}
