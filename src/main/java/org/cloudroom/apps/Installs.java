package org.cloudroom.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The operator installs a curated app with one click: the package tool runs in the background, one install at a
 * time, and its progress and log are kept for the page. An install that fails leaves the catalog as it was.
 */
@Service
public class Installs implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Installs.class);
	private static final int MAX_LOG_LINES = 2000;

	private final AppCatalog catalog;
	private final AppsSettings settings;
	private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
	private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

	Installs(AppCatalog catalog, AppsSettings settings) {
		this.catalog = catalog;
		this.settings = settings;
	}

	/** Starts installing a curated app that is not installed yet. */
	public Install start(CloudroomUser user, String appId) {
		user.requireOperator();
		var app = catalog.find(appId).orElseThrow(Refused::notFound);
		if (app.debianPackage() == null || app.installed()) {
			throw new Refused(Status.CONFLICT, "apps.install-not-needed", app.name());
		}
		return run(app);
	}

	public Install find(CloudroomUser user, UUID id) {
		user.requireOperator();
		return view(id);
	}

	Install view(UUID id) {
		var job = jobs.get(id);
		if (job == null) {
			throw Refused.notFound();
		}
		return job.view();
	}

	/** The installs since the server started, newest first. */
	public List<Install> all(CloudroomUser user) {
		user.requireOperator();
		return jobs.values().stream().sorted((a, b) -> Long.compare(b.startedAt, a.startedAt)).map(Job::view).toList();
	}

	Install run(App app) {
		var job = new Job(UUID.randomUUID(), app.id());
		jobs.put(job.id, job);
		var refusal = refusal();
		if (refusal != null) {
			job.line(refusal);
			job.end("FAILED");
		}
		else {
			worker.submit(() -> install(job, app.debianPackage()));
		}
		return job.view();
	}

	private @Nullable String refusal() {
		var tool = settings.installer();
		var found = tool.contains("/") ? Files.isExecutable(Path.of(tool))
				: Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/usr/sbin", tool));
		if (!found) {
			return "This server has no " + tool + ": apps can be installed only on Debian or Ubuntu.";
		}
		if (!"root".equals(System.getProperty("user.name"))) {
			return "Cloudroom runs as " + System.getProperty("user.name") + ", not as root: it may not install"
					+ " packages. Install the package on the desktop hosts yourself.";
		}
		return null;
	}

	private void install(Job job, String debianPackage) {
		var command = List.of(settings.installer(), "install", "-y", "--no-install-recommends",
				"-o", "APT::Status-Fd=1", "-o", "Dpkg::Use-Pty=0", "--", debianPackage);
		job.line("$ " + String.join(" ", command));
		try {
			var builder = new ProcessBuilder(command).redirectErrorStream(true);
			builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
			var process = builder.start();
			process.getOutputStream().close();
			var output = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
			try (var out = new BufferedReader(output)) {
				for (var line = out.readLine(); line != null; line = out.readLine()) {
					job.read(line);
				}
			}
			if (!process.waitFor(settings.installTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				job.line("Given up after " + settings.installTimeout().toMinutes() + " minutes.");
				job.end("FAILED");
				return;
			}
			job.line("exit code " + process.exitValue());
			if (process.exitValue() == 0) {
				catalog.refresh();
			}
			job.end(process.exitValue() == 0 ? "SUCCEEDED" : "FAILED");
		}
		catch (IOException e) {
			job.line(e.getMessage() == null ? e.toString() : e.getMessage());
			job.end("FAILED");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			job.end("FAILED");
		}
		log.info("Install of {}: {}", debianPackage, job.state);
	}

	@Override
	public void close() {
		worker.shutdownNow();
	}

	private static final class Job {

		final UUID id;
		final String appId;
		final long startedAt = System.nanoTime();
		final List<String> lines = new ArrayList<>();
		volatile String state = "RUNNING";
		volatile int percent;

		Job(UUID id, String appId) {
			this.id = id;
			this.appId = appId;
		}

		/** A line of the package tool: its status lines ({@code pmstatus:pkg:42.5:...}) move the progress. */
		void read(String line) {
			var parts = line.split(":", 4);
			if (parts.length == 4 && (parts[0].equals("dlstatus") || parts[0].equals("pmstatus"))) {
				try {
					double p = Double.parseDouble(parts[2]);
					// downloading is the first half, unpacking and setting up the second
					percent = Math.max(percent, (int) (parts[0].equals("dlstatus") ? p / 2 : 50 + p / 2));
				}
				catch (NumberFormatException e) {
					line(line);
				}
				return;
			}
			line(line);
		}

		synchronized void line(String line) {
			if (lines.size() < MAX_LOG_LINES) {
				lines.add(line);
			}
		}

		void end(String state) {
			if (state.equals("SUCCEEDED")) {
				percent = 100;
			}
			this.state = state;
		}

		synchronized Install view() {
			return new Install(id, appId, state, percent, List.copyOf(lines));
		}
	}
}
