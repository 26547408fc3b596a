package org.cloudroom.desktops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A terminal in a running desktop, as its person has one: each command runs inside the desktop's sandbox (its
 * mount, network, pid, IPC, UTS and user namespaces, and its control groups) under the person's uid, with no
 * capability and no way to gain one. What a student could do from their cloud computer, a test does through this.
 */
public final class StudentTerminal {

	/** What a command printed (standard output and error) and how it ended. */
	public record Outcome(int exitCode, String output) {
	}

	private final long xServer;
	private final int uid;
	private final String username;

	private StudentTerminal(long xServer, int uid, String username) {
		this.xServer = xServer;
		this.uid = uid;
		this.username = username;
	}

	/** A terminal in the desktop whose processes these are (its X server among them), for the person of that uid. */
	public static StudentTerminal in(List<ProcessHandle> desktop, int uid, String username) {
		var xServer = DesktopProcesses.named(desktop, DesktopProcesses.XVNC)
			.orElseThrow(() -> new IllegalStateException("the desktop has no X server"));
		return new StudentTerminal(xServer.pid(), uid, username);
	}

	/** Runs a shell command and waits for it, at most a minute. */
	public Outcome run(String script) throws IOException, InterruptedException {
		var process = start(script);
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("still running after a minute: " + script);
		}
		return new Outcome(process.exitValue(), output);
	}

	/** Starts a shell command; its output is the process's input stream. */
	public Process start(String script) throws IOException {
		var command = new ArrayList<String>(List.of("/bin/sh", "-c",
				"for f in \"$@\"; do [ \"$f\" = -- ] && break; echo $$ > \"$f\"; shift; done; shift; exec \"$@\"",
				"join-control-groups"));
		command.addAll(controlGroups());
		command.add("--");
		// The namespaces other than the user's are entered as root, the user namespace then as the person, so that
		// nothing of root's capabilities comes along.
		command.addAll(List.of("nsenter", "-t", Long.toString(xServer), "-m", "-n", "-p", "-i", "-u", "--", "setpriv",
				"--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--no-new-privs", "--", "nsenter", "-t",
				Long.toString(pidInSandbox()), "-U", "--preserve-credentials", "--", "env", "-i",
				"HOME=/home/" + username, "USER=" + username, "PATH=/usr/local/bin:/usr/bin:/bin:/usr/games",
				"DISPLAY=:1", "LANG=C.UTF-8", "/bin/sh", "-c", script));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	/** The {@code cgroup.procs} files of the X server's own control groups, so commands count where it counts. */
	private List<String> controlGroups() throws IOException {
		var files = new ArrayList<String>();
		var unified = Files.isRegularFile(Path.of("/sys/fs/cgroup/cgroup.controllers"));
		for (var line : Files.readAllLines(Path.of("/proc", Long.toString(xServer), "cgroup"))) {
			var parts = line.split(":", 3);
			if (parts[2].equals("/")) {
				continue;
			}
			if (unified && parts[0].equals("0")) {
				files.add("/sys/fs/cgroup" + parts[2] + "/cgroup.procs");
			}
			else if (!unified && List.of(parts[1].split(",")).stream().anyMatch(List.of("memory", "pids", "cpu")::contains)) {
				files.add("/sys/fs/cgroup/" + parts[1] + parts[2] + "/cgroup.procs");
			}
		}
		return files;
	}

	/** The X server's pid as its sandbox numbers it, to find the sandbox's user namespace from inside. */
	private long pidInSandbox() throws IOException {
		for (var line : Files.readAllLines(Path.of("/proc", Long.toString(xServer), "status"))) {
			if (line.startsWith("NSpid:")) {
				var pids = line.substring("NSpid:".length()).strip().split("\\s+");
				return Long.parseLong(pids[pids.length - 1]);
			}
		}
		throw new IOException("no NSpid for " + xServer);
	}
}
