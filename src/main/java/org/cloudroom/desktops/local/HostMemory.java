package org.cloudroom.desktops.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What the host can tell of its memory: how much is still free, and how much a sandbox's processes use. */
final class HostMemory {

	private HostMemory() {
	}

	/** The host's available memory ({@code MemAvailable}), where the host is Linux. */
	static OptionalLong available() {
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

	/** The proportional set size of every process of the sandbox started as {@code pid}, while it runs. */
	static OptionalLong ofSandbox(long pid) {
		return ProcessTree.of(pid).map(ProcessTree::pssBytes).orElse(OptionalLong.empty());
	}
}
