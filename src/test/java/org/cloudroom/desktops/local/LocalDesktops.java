package org.cloudroom.desktops.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.StudentTerminal;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real desktops of the local provider for a test: a data directory of its own under {@code target/} (whose parents
 * desktops may pass through, as in a real installation), desktops started under uids from a range of the test's,
 * and everything stopped and removed after each test.
 */
final class LocalDesktops implements BeforeEachCallback, AfterEachCallback {

	private final String prefix;
	private final AtomicInteger nextUid;
	private final List<RunningDesktop> started = new ArrayList<>();
	private Path data;
	private LocalDesktopProvider provider;

	/** Desktops whose data directory starts with {@code prefix} and whose uids count up from {@code firstUid}. */
	LocalDesktops(String prefix, int firstUid) {
		this.prefix = prefix;
		this.nextUid = new AtomicInteger(firstUid);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		data = Files.createDirectories(Path.of("target", "test-data", prefix + UUID.randomUUID().toString()
			.substring(0, 8)).toAbsolutePath());
		provider = new LocalDesktopProvider(data, Duration.ofSeconds(15));
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		started.forEach(provider::stop);
		started.clear();
		try (var walk = Files.walk(data)) {
			for (var path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	Path data() {
		return data;
	}

	LocalDesktopProvider provider() {
		return provider;
	}

	/** A desktop of 800 × 600 for a person of this name, with a uid of its own and a home in the data directory. */
	DesktopSpec spec(String username, Locale locale, int width, int height) {
		return new DesktopSpec(UUID.randomUUID(), username, data.resolve("homes").resolve(username),
				nextUid.incrementAndGet(), locale, width, height);
	}

	/** Starts the desktop and lets its session start at once; it is stopped after the test. */
	RunningDesktop start(DesktopSpec spec) throws Exception {
		return start(provider, spec);
	}

	/** Starts the desktop with another provider on the same data directory; it is stopped after the test. */
	RunningDesktop start(LocalDesktopProvider other, DesktopSpec spec) throws Exception {
		var desktop = other.start(spec);
		started.add(desktop);
		other.startSession(desktop);
		return desktop;
	}

	/** The desktop is stopped by the test itself. */
	void stopped(RunningDesktop desktop) {
		started.remove(desktop);
	}

	StudentTerminal terminal(RunningDesktop desktop, DesktopSpec spec) {
		return StudentTerminal.in(tree(desktop), spec.uid(), spec.username());
	}

	static List<ProcessHandle> tree(RunningDesktop desktop) {
		return DesktopProcesses.tree(Long.parseLong(desktop.handle()));
	}
}
