package org.cloudroom.drive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;

/**
 * Streams an upload into a file of the scratch place and moves it into the home only when it is whole and within
 * the quota; whatever goes wrong, the scratch file is deleted and the home and usage are as before. One upload per
 * path at a time: another of the same path meanwhile is refused as a conflict.
 */
final class Uploads {

	private static final int BUFFER = 256 * 1024;

	/** Where the upload goes, what the person may keep, and what they keep already outside this upload. */
	record Upload(PersonId person, Path scratch, HomeTree tree, Path target, long declaredLength, long quota, long used) {
	}

	private final Map<Path, UUID> inProgress = new ConcurrentHashMap<>();
	private final Map<PersonId, AtomicLong> reserved = new ConcurrentHashMap<>();

	/** What an upload did: whether it replaced a file, the file's size and how many bytes it added to the drive. */
	record Stored(boolean replaced, long size, long addedBytes) {
	}

	/** Stores the body and hands the whole file to {@code moveIn}, which puts it at the target. */
	Stored store(Upload upload, InputStream body, MoveIn moveIn) throws IOException {
		if (inProgress.putIfAbsent(upload.target(), UUID.randomUUID()) != null) {
			throw new Refused(Status.CONFLICT, "drive.upload.busy", upload.target().getFileName().toString());
		}
		var reservation = reserved.computeIfAbsent(upload.person(), p -> new AtomicLong());
		var temp = upload.scratch().resolve(UUID.randomUUID().toString());
		long counted = 0;
		try {
			var replaced = Math.max(existing(upload), 0);
			// Bytes of this person's other uploads under way count as used, so two together cannot pass the quota.
			var allowed = upload.quota() - upload.used() + replaced;
			if (upload.declaredLength() > allowed - reservation.get()) {
				throw overQuota(upload);
			}
			try (var out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				var buffer = new byte[BUFFER];
				for (int n; (n = body.readNBytes(buffer, 0, buffer.length)) > 0;) {
					counted += n;
					reservation.addAndGet(n);
					if (reservation.get() > allowed) {
						throw overQuota(upload);
					}
					out.write(buffer, 0, n);
				}
			}
			if (upload.declaredLength() >= 0 && counted != upload.declaredLength()) {
				throw new Refused(Status.BAD_REQUEST, "drive.upload.incomplete");
			}
			return finish(upload, temp, moveIn);
		}
		catch (IOException e) {
			if (diskFull(e)) {
				throw new Refused(Status.INSUFFICIENT_STORAGE, "drive.disk-full");
			}
			throw e;
		}
		finally {
			reservation.addAndGet(-counted);
			Files.deleteIfExists(temp);
			inProgress.remove(upload.target());
		}
	}

	/** Puts a whole file, uploaded in parts, at the target when the quota allows; it is gone from where it was. */
	Stored store(Upload upload, Path whole, MoveIn moveIn) throws IOException {
		if (inProgress.putIfAbsent(upload.target(), UUID.randomUUID()) != null) {
			throw new Refused(Status.CONFLICT, "drive.upload.busy", upload.target().getFileName().toString());
		}
		try {
			return finish(upload, whole, moveIn);
		}
		finally {
			inProgress.remove(upload.target());
		}
	}

	private static Stored finish(Upload upload, Path whole, MoveIn moveIn) throws IOException {
		var existing = existing(upload);
		var replaced = Math.max(existing, 0);
		var size = Files.size(whole);
		if (size > upload.quota() - upload.used() + replaced) {
			throw overQuota(upload);
		}
		moveIn.accept(whole);
		return new Stored(existing >= 0, size, size - replaced);
	}

	/**
	 * The size of the file the upload replaces, or -1 when there is none; a folder there is refused. A link there is
	 * replaced itself and frees no room, whatever it points to.
	 */
	private static long existing(Upload upload) throws IOException {
		var attributes = upload.tree().attributes(upload.target());
		if (attributes.isEmpty()) {
			return -1;
		}
		if (attributes.get().isDirectory()) {
			throw new Refused(Status.CONFLICT, "drive.is-a-folder", upload.target().getFileName().toString());
		}
		return attributes.get().isRegularFile() ? attributes.get().size() : 0;
	}

	/** The server's disk, not the person's quota, has no room left (the kernel's ENOSPC). */
	static boolean diskFull(IOException e) {
		return e.getMessage() != null && e.getMessage().contains("No space left on device");
	}

	private static Refused overQuota(Upload upload) {
		return overQuota(upload.quota());
	}

	static Refused overQuota(long quota) {
		return new Refused(Status.TOO_LARGE, "drive.quota.exceeded", Math.ceilDiv(quota, 1024 * 1024));
	}

	/** Puts a whole upload at its target, replacing what is there. */
	interface MoveIn {
		void accept(Path file) throws IOException;
	}
}
