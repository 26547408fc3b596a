package org.cloudroom.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The operator installs a curated app with one click: the package tool runs in the background, one install at a
 * time, and its progress and log are kept for the page. An ended install is kept in the database with its log's
 * tail, so the operator sees past installs after a restart. An install that fails leaves the catalog as it was.
 */
@Service
class Installs implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Installs.class);
	private static final int MAX_LOG_LINES = 2000;
	/** The characters of the log kept once an install has ended: its end, where the outcome is. */
	private static final int KEPT_LOG_CHARS = 20_000;
	private static final String SELECT = "select id, app_id, started_by, started_at, state, log_tail from app_install";

	private final AppCatalog catalog;
	private final AppsSettings settings;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
	private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

	Installs(AppCatalog catalog, AppsSettings settings, JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.catalog = catalog;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	/** Starts installing a curated app that is not installed yet. */
	public Install start(CloudroomUser user, String appId) {
		user.requireOperator();
		var app = catalog.find(appId).orElseThrow(Refused::notFound);
		if (app.debianPackage() == null || app.installed()) {
			throw new Refused(Status.CONFLICT, "apps.install-not-needed", app.name());
		}
		return run(app, user.id());
	}

	public Install find(CloudroomUser user, UUID id) {
		user.requireOperator();
		return view(id);
	}

	Install view(UUID id) {
		var job = jobs.get(id);
		if (job != null) {
			return job.view();
		}
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Installs::ended).optional()
			.orElseThrow(Refused::notFound);
	}

	/** The installs running now and the last ones ended before, newest first. */
	public List<Install> all(CloudroomUser user) {
		user.requireOperator();
		var running = jobs.values().stream().map(Job::view);
		var ended = jdbc.sql(SELECT + " order by started_at desc limit 200").query(Installs::ended).list().stream();
		return Stream.concat(running, ended).sorted(Comparator.comparing(Install::startedAt).reversed()).toList();
	}

	Install run(App app, PersonId startedBy) {
		var job = new Job(UUID.randomUUID(), app.id(), String.valueOf(app.debianPackage()), startedBy,
				OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)));
		jobs.put(job.id, job);
		var refusal = refusal();
		if (refusal != null) {
			job.line(refusal);
			end(job, Install.State.FAILED);
		}
		else {
			worker.submit(() -> install(job, job.debianPackage));
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
				end(job, Install.State.FAILED);
				return;
			}
			job.line("exit code " + process.exitValue());
			if (process.exitValue() == 0) {
				catalog.refresh();
			}
			end(job, process.exitValue() == 0 ? Install.State.SUCCEEDED : Install.State.FAILED);
		}
		catch (IOException e) {
			job.line(e.getMessage() == null ? e.toString() : e.getMessage());
			end(job, Install.State.FAILED);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			end(job, Install.State.FAILED);
		}
		log.info("Install of {}: {}", debianPackage, job.state);
	}

	/** Keeps the ended install in the database; running ones live here only while they run. */
	private void end(Job job, Install.State state) {
		job.end(state);
		var view = job.view();
		var text = String.join("\n", view.log());
		jdbc.sql("""
				insert into app_install (id, app_id, debian_package, started_by, started_at, state, log_tail)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(view.id(), view.appId(), job.debianPackage, view.startedBy().value(), view.startedAt(), state.name(),
					text.substring(Math.max(0, text.length() - KEPT_LOG_CHARS)))
			.update();
		jobs.remove(job.id);
	}

	private static Install ended(ResultSet row, int number) throws SQLException {
		var text = row.getString("log_tail");
		var state = Install.State.valueOf(row.getString("state"));
		return new Install(row.getObject("id", UUID.class), row.getString("app_id"),
				new PersonId(row.getObject("started_by", UUID.class)), row.getObject("started_at", OffsetDateTime.class), state,
				state == Install.State.SUCCEEDED ? 100 : 0, text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
	}

	@Override
	public void close() {
		worker.shutdownNow();
	}

	private static final class Job {

		final UUID id;
		final String appId;
		final String debianPackage;
		final PersonId startedBy;
		final OffsetDateTime startedAt;
		final List<String> lines = new ArrayList<>();
		volatile Install.State state = Install.State.RUNNING;
		volatile int percent;

		Job(UUID id, String appId, String debianPackage, PersonId startedBy, OffsetDateTime startedAt) {
			this.id = id;
			this.startedAt = startedAt;
			this.appId = appId;
			this.debianPackage = debianPackage;
			this.startedBy = startedBy;
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

		void end(Install.State state) {
			if (state == Install.State.SUCCEEDED) {
				percent = 100;
			}
			this.state = state;
		}

		synchronized Install view() {
			return new Install(id, appId, startedBy, startedAt, state, percent, List.copyOf(lines));
		}
	}
}
