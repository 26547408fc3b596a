package org.cloudroom.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
 * ready. A job is seen only by the person who started it, and forgotten an hour after it ends.
 */
@Component
class ImportJobs {

	private static final Duration KEEP = Duration.ofHours(1);
	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** A job as the page sees it: still running, or ended with a result or a refusal. */
	static final class Job {

		private final PersonId owner;
		private final SchoolId school;
		private volatile int done;
		private volatile int total;
		private volatile @Nullable ImportResult result;
		private volatile @Nullable Refused refused;
		private volatile @Nullable Instant ended;

		Job(PersonId owner, SchoolId school) {
			this.owner = owner;
			this.school = school;
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
	}

	private final PeopleImport peopleImport;
	private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

	ImportJobs(PeopleImport peopleImport) {
		this.peopleImport = peopleImport;
	}

	UUID start(CloudroomUser user, SchoolId school, byte[] file, boolean zip) {
		forgetOld();
		var id = UUID.randomUUID();
		var job = new Job(user.id(), school);
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
				job.ended = Instant.now();
			}
		});
		return id;
	}

	Optional<Job> find(CloudroomUser user, SchoolId school, UUID id) {
		return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(user.id()) && j.school.equals(school));
	}

	private void forgetOld() {
		var cutoff = Instant.now().minus(KEEP);
		jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(cutoff));
	}
}
