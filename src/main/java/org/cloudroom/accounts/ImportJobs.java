package org.cloudroom.accounts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports started from the school page, running in the background so the page can show how many accounts are
 * ready. A job is seen only by the people who started it, and forgotten an hour after it ends. The same file sent
 * again for the same school while its import runs or within {@link #REPEAT} after it ended (a double click, a
 * second tab, a retried upload) joins that import instead of starting another, so the page shows the accounts it
 * created with their passwords rather than a second import refusing every row as taken.
 */
@Component
class ImportJobs {

	private static final Duration KEEP = Duration.ofHours(1);
	private static final Duration REPEAT = Duration.ofMinutes(2);
	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** A job as the page sees it: still running, or ended with a result or a refusal. */
	static final class Job {

		private final Set<PersonId> owners = ConcurrentHashMap.newKeySet();
		private final SchoolId school;
		private final String content;
		private volatile int done;
		private volatile int total;
		private volatile @Nullable ImportResult result;
		private volatile @Nullable Refused refused;
		private volatile @Nullable Instant ended;

		Job(PersonId owner, SchoolId school, String content) {
			this.owners.add(owner);
			this.school = school;
			this.content = content;
		}

		int done() {
			return done;
		}

		int total() {
			return total;
		}

		int percent() {
			return total == 0 ? 0 : done * 100 / total;
		}

		@Nullable ImportResult result() {
			return result;
		}

		@Nullable Refused refused() {
			return refused;
		}

		boolean running() {
			return ended == null;
		}

		private boolean repeatedBy(SchoolId school, String content, Instant now) {
			var end = ended;
			return this.school.equals(school) && this.content.equals(content)
					&& (end == null || end.isAfter(now.minus(REPEAT)));
		}
	}

	private final PeopleImport peopleImport;
	private final Clock clock;
	private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

	ImportJobs(PeopleImport peopleImport, Clock clock) {
		this.peopleImport = peopleImport;
		this.clock = clock;
	}

	/** Starts importing the file, or joins the import of the same file for the school that runs or just ran. */
	synchronized UUID start(CloudroomUser user, SchoolId school, byte[] file, boolean zip) {
		forgetOld();
		var content = HexFormat.of().formatHex(sha256(file));
		var now = clock.instant();
		var same = jobs.entrySet().stream().filter(e -> e.getValue().repeatedBy(school, content, now)).findFirst();
		if (same.isPresent()) {
			same.get().getValue().owners.add(user.id());
			return same.get().getKey();
		}
		var id = UUID.randomUUID();
		var job = new Job(user.id(), school, content);
		jobs.put(id, job);
		Thread.ofVirtual().name("import-" + id).start(() -> {
			try {
				job.result = peopleImport.importBytes(school, file, zip, (done, total) -> {
					job.done = done;
					job.total = total;
				});
			}
			catch (Refused refused) {
				job.refused = refused;
			}
			catch (RuntimeException e) {
				job.refused = new Refused(Status.UNPROCESSABLE, "import.failed");
				log.error("import {} failed", id, e);
			}
			finally {
				job.ended = clock.instant();
			}
		});
		return id;
	}

	Optional<Job> find(CloudroomUser user, SchoolId school, UUID id) {
		return Optional.ofNullable(jobs.get(id)).filter(j -> j.owners.contains(user.id()) && j.school.equals(school));
	}

	private static byte[] sha256(byte[] file) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(file);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}

	private void forgetOld() {
		var cutoff = clock.instant().minus(KEEP);
		jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(cutoff));
	}
}
