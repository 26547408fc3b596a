package org.cloudroom.desktops.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.LimitHits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's limits of each desktop: a control group of its own, named after the desktop under one group of
 * Cloudroom's, with a memory limit (which also holds what its /tmp and /dev/shm keep, as the kernel charges tmpfs
 * pages to the group that wrote them), a process limit, and the CPU shared equally with every other desktop, so
 * that a busy one slows only itself. cgroup v2 (one hierarchy at {@code /sys/fs/cgroup}) and v1 (one hierarchy per
 * controller, as this project's CI machine mounts them) are both used as the host has them.
 */
abstract sealed class ControlGroups permits ControlGroups.Version1, ControlGroups.Version2, ControlGroups.Unlimited {

	private static final Logger log = LoggerFactory.getLogger(ControlGroups.class);

	/**
	 * The group of Cloudroom's below which each desktop gets one, in every hierarchy the host mounts under
	 * {@code mount}; none when they cannot be made (not root, no controllers), which is said once.
	 */
	static ControlGroups on(Path mount, String name, boolean asRoot) {
		if (!asRoot) {
			log.warn("Desktops run without memory, process and CPU limits: the server does not run as root");
			return new Unlimited();
		}
		try {
			if (Files.isRegularFile(mount.resolve("cgroup.controllers"))) {
				return new Version2(mount.resolve(name));
			}
			if (Files.isRegularFile(mount.resolve("memory/memory.limit_in_bytes"))
					&& Files.isDirectory(mount.resolve("pids")) && Files.isDirectory(mount.resolve("cpu"))) {
				return new Version1(mount, name);
			}
			log.warn("Desktops run without memory, process and CPU limits: {} has neither cgroup v2 nor the memory, "
					+ "pids and cpu hierarchies of cgroup v1", mount);
		}
		catch (IOException e) {
			log.warn("Desktops run without memory, process and CPU limits: {}", e.getMessage());
		}
		return new Unlimited();
	}

	/**
	 * Makes the desktop's group with its limits and returns the words to put before the sandbox's command line, so
	 * that its first process is in the group before it starts anything.
	 */
	abstract List<String> enter(UUID desktop, DesktopSpec.Limits limits) throws IOException;

	/** How often the desktop met its limits so far. */
	abstract LimitHits hits(UUID desktop);

	/** Removes the group of an ended desktop; a group still holding a process stays. */
	abstract void remove(UUID desktop);

	/** The names of the desktops' groups there are, ended desktops' too. */
	abstract List<String> desktops();

	/** Whether limits are enforced at all. */
	boolean enforced() {
		return true;
	}

	/** Writes the process's own pid into each {@code cgroup.procs} named, then runs the command that follows. */
	static List<String> entering(List<Path> procs) {
		var words = new ArrayList<>(List.of("/bin/sh", "-c",
				"while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"",
				"cloudroom-limits"));
		procs.forEach(file -> words.add(file.toString()));
		words.add("--");
		return words;
	}

	/** A counter from a file of {@code name value} lines, such as {@code memory.events}; 0 when it has none. */
	static long counter(Path file, String name) {
		try {
			for (var line : Files.readAllLines(file)) {
				var words = line.strip().split("\\s+");
				if (words.length == 2 && words[0].equals(name)) {
					return Long.parseLong(words[1]);
				}
			}
		}
		catch (IOException | NumberFormatException e) {
			// the group is gone, or this kernel does not count it
		}
		return 0;
	}

	static void write(Path file, String value) throws IOException {
		try {
			Files.writeString(file, value);
		}
		catch (IOException e) {
			throw new IOException("cannot write \"" + value + "\" to " + file + ": " + e.getMessage(), e);
		}
	}

	static void removeGroup(Path group) {
		for (int attempt = 0; attempt < 20 && Files.isDirectory(group); attempt++) {
			try {
				Files.delete(group);
			}
			catch (IOException busy) {
				// its last processes are still being reaped
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
		if (Files.isDirectory(group)) {
			log.warn("Could not remove the control group {}: it still holds processes", group);
		}
	}

	static List<String> children(Path group) {
		if (!Files.isDirectory(group)) {
			return List.of();
		}
		try (var entries = Files.list(group)) {
			return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
		}
		catch (IOException e) {
			return List.of();
		}
	}

	/** One hierarchy: memory.max, pids.max, and cpu.weight left equal for every desktop. */
	static final class Version2 extends ControlGroups {

		private static final List<String> CONTROLLERS = List.of("memory", "pids", "cpu");
		private static final String ENABLE = "+memory +pids +cpu";
		private final Path parent;

		Version2(Path parent) throws IOException {
			this.parent = parent;
			var root = parent.getParent();
			var available = names(root.resolve("cgroup.controllers"));
			for (var controller : CONTROLLERS) {
				if (!available.contains(controller)) {
					throw new IOException("cgroup v2 at " + root + " offers no " + controller + " controller");
				}
			}
			if (!names(root.resolve("cgroup.subtree_control")).containsAll(CONTROLLERS)) {
				write(root.resolve("cgroup.subtree_control"), ENABLE);
			}
			Files.createDirectories(parent);
			write(parent.resolve("cgroup.subtree_control"), ENABLE);
		}

		/** The controllers a file lists, by their whole names: cpuset is not cpu. */
		private static List<String> names(Path file) throws IOException {
			return List.of(Files.readString(file).strip().split("\\s+"));
		}

		@Override
		List<String> enter(UUID desktop, DesktopSpec.Limits limits) throws IOException {
			var group = Files.createDirectories(parent.resolve(desktop.toString()));
			write(group.resolve("memory.max"), Long.toString(limits.memoryBytes()));
			if (Files.exists(group.resolve("memory.swap.max"))) {
				write(group.resolve("memory.swap.max"), "0");
			}
			write(group.resolve("pids.max"), Integer.toString(limits.processes()));
			return entering(List.of(group.resolve("cgroup.procs")));
		}

		@Override
		LimitHits hits(UUID desktop) {
			var group = parent.resolve(desktop.toString());
			return new LimitHits(counter(group.resolve("memory.events"), "oom_kill"),
					counter(group.resolve("pids.events"), "max"));
		}

		@Override
		void remove(UUID desktop) {
			removeGroup(parent.resolve(desktop.toString()));
		}

		@Override
		List<String> desktops() {
			return children(parent);
		}
	}

	/** A hierarchy per controller: memory (with swap, when it is counted), pids and cpu. */
	static final class Version1 extends ControlGroups {

		private final Path memory;
		private final Path pids;
		private final Path cpu;

		Version1(Path mount, String name) throws IOException {
			this.memory = Files.createDirectories(mount.resolve("memory").resolve(name));
			this.pids = Files.createDirectories(mount.resolve("pids").resolve(name));
			this.cpu = Files.createDirectories(mount.resolve("cpu").resolve(name));
		}

		@Override
		List<String> enter(UUID desktop, DesktopSpec.Limits limits) throws IOException {
			var id = desktop.toString();
			var memoryGroup = Files.createDirectories(memory.resolve(id));
			write(memoryGroup.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
			if (Files.exists(memoryGroup.resolve("memory.memsw.limit_in_bytes"))) {
				write(memoryGroup.resolve("memory.memsw.limit_in_bytes"), Long.toString(limits.memoryBytes()));
			}
			var pidsGroup = Files.createDirectories(pids.resolve(id));
			write(pidsGroup.resolve("pids.max"), Integer.toString(limits.processes()));
			var cpuGroup = Files.createDirectories(cpu.resolve(id));
			return entering(List.of(memoryGroup.resolve("cgroup.procs"), pidsGroup.resolve("cgroup.procs"),
					cpuGroup.resolve("cgroup.procs")));
		}

		@Override
		LimitHits hits(UUID desktop) {
			var id = desktop.toString();
			return new LimitHits(counter(memory.resolve(id).resolve("memory.oom_control"), "oom_kill"),
					counter(pids.resolve(id).resolve("pids.events"), "max"));
		}

		@Override
		void remove(UUID desktop) {
			for (var hierarchy : List.of(memory, pids, cpu)) {
				removeGroup(hierarchy.resolve(desktop.toString()));
			}
		}

		@Override
		List<String> desktops() {
			var all = new java.util.LinkedHashSet<String>();
			for (var hierarchy : List.of(memory, pids, cpu)) {
				all.addAll(children(hierarchy));
			}
			return List.copyOf(all);
		}
	}

	/** No limits: the server does not run as root, or the host has no controllers to offer. */
	static final class Unlimited extends ControlGroups {

		@Override
		List<String> enter(UUID desktop, DesktopSpec.Limits limits) {
			return List.of();
		}

		@Override
		LimitHits hits(UUID desktop) {
			return new LimitHits(0, 0);
		}

		@Override
		void remove(UUID desktop) {
		}

		@Override
		List<String> desktops() {
			return List.of();
		}

		@Override
		boolean enforced() {
			return false;
		}
	}
}
