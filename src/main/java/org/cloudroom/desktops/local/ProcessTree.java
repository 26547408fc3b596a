package org.cloudroom.desktops.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The processes of one sandbox: the bubblewrap process the server started, its child (the init of the sandbox's
 * pid namespace) and everything below. Killing that init ends every process of the sandbox at once.
 */
final class ProcessTree {

	private final ProcessHandle root;

	private ProcessTree(ProcessHandle root) {
		this.root = root;
	}

	/** The sandbox started as {@code pid}, if that process still runs and is a bubblewrap (not a reused pid). */
	static Optional<ProcessTree> of(long pid) {
		return ProcessHandle.of(pid)
			.filter(ProcessTree::running)
			.filter(p -> p.info().command().map(c -> c.endsWith("bwrap")).orElse(true))
			.map(ProcessTree::new);
	}

	/**
	 * The sandbox this server has just started, whatever it runs yet: the shell that enters its control groups may
	 * not have become bubblewrap. Its pid cannot have been reused, as the process is this server's unreaped child.
	 */
	static ProcessTree of(Process started) {
		return new ProcessTree(started.toHandle());
	}

	boolean isAlive() {
		return running(root);
	}

	/**
	 * Alive and not a zombie: a sandbox adopted after a restart is no child of this server, and an init that is slow
	 * to reap would otherwise leave a dead sandbox looking alive.
	 */
	private static boolean running(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		try {
			var stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
		}
		catch (IOException | RuntimeException e) {
			return process.isAlive();
		}
	}

	/**
	 * The uid a process runs under: its real, effective, saved and file-system uids when all four are one (a program
	 * that changed uid, such as a set-user-ID one, has none), if it still runs.
	 */
	static OptionalLong uid(ProcessHandle process) {
		try {
			for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				if (line.startsWith("Uid:")) {
					var uids = line.substring(4).strip().split("\\s+");
					return java.util.Arrays.stream(uids).distinct().count() == 1
							? OptionalLong.of(Long.parseLong(uids[0])) : OptionalLong.empty();
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// the process ended meanwhile
		}
		return OptionalLong.empty();
	}

	/** Sum of the proportional set size of every process of the sandbox. */
	OptionalLong pssBytes() {
		long total = 0;
		boolean any = false;
		for (var process : all().toList()) {
			try {
				for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"))) {
					if (line.startsWith("Pss:")) {
						total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
						any = true;
						break;
					}
				}
			}
			catch (IOException | NumberFormatException e) {
				// the process ended meanwhile, or this kernel has no smaps_rollup
			}
		}
		return any ? OptionalLong.of(total) : OptionalLong.empty();
	}

	/** Sends the session script (the first process inside the sandbox) a signal, e.g. {@code USR1}. */
	void signalSession(String signal) throws IOException {
		for (var script : root.children().flatMap(ProcessHandle::children).toList()) {
			try {
				if (new ProcessBuilder("kill", "-" + signal, Long.toString(script.pid())).start().waitFor() != 0) {
					throw new IOException("could not send " + signal + " to " + script.pid());
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while signalling " + script.pid(), e);
			}
		}
	}

	/**
	 * Asks the session's programs to end (SIGTERM), waits up to {@code patience}, then kills the sandbox's init,
	 * which takes every remaining process with it.
	 */
	void stop(Duration patience) {
		List<ProcessHandle> init = root.children().toList();
		List<ProcessHandle> programs = init.stream().flatMap(ProcessHandle::descendants).toList();
		programs.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + patience.toNanos();
		while (programs.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(50));
		}
		init.forEach(ProcessHandle::destroyForcibly);
		root.destroyForcibly();
		deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (all().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(20));
		}
	}

	private Stream<ProcessHandle> all() {
		return Stream.concat(Stream.of(root), root.descendants());
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
