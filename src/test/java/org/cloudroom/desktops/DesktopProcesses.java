package org.cloudroom.desktops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** The processes of a desktop of the local provider, as seen from the host: its bubblewrap and all below. */
public final class DesktopProcesses {

	/** What Debian's {@code Xvnc} is a link to, and so the command of a desktop's X server. */
	public static final String XVNC = "Xtigervnc";

	private DesktopProcesses() {
	}

	/** The processes of a desktop run under {@code data}, found by the pid its provider wrote; none once it ended. */
	public static List<ProcessHandle> of(Path data, UUID desktop) {
		try {
			return tree(Long.parseLong(Files.readString(data.resolve("desktops").resolve(desktop.toString())
				.resolve("pid")).strip()));
		}
		catch (IOException e) {
			return List.of();
		}
	}

	/** The process and everything below it; none when it does not run. */
	public static List<ProcessHandle> tree(long pid) {
		var all = new ArrayList<ProcessHandle>();
		ProcessHandle.of(pid).filter(DesktopProcesses::running).ifPresent(root -> {
			all.add(root);
			all.addAll(root.descendants().toList());
		});
		return all;
	}

	/** The process running {@code command} (its file name), if one does. */
	public static Optional<ProcessHandle> named(List<ProcessHandle> processes, String command) {
		return processes.stream().filter(p -> p.info().command().orElse("").endsWith("/" + command)).findFirst();
	}

	/** The real uid the process runs under; none once it ended. */
	public static OptionalInt uid(ProcessHandle process) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
				.filter(line -> line.startsWith("Uid:")).mapToInt(line -> Integer.parseInt(line.split("\\s+")[1]))
				.findFirst();
		}
		catch (IOException e) {
			return OptionalInt.empty();
		}
	}

	/**
	 * Whether the process runs: not ended, and not a zombie either. Bubblewrap leaves its sandbox's init for pid 1
	 * to reap, which not every pid 1 does at once.
	 */
	public static boolean running(ProcessHandle process) {
		try {
			var stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
		}
		catch (IOException e) {
			return false;
		}
	}
}
