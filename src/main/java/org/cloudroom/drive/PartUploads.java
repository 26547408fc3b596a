package org.cloudroom.drive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.drive.spi.HomeStorage;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Uploads in parts, for large files over weak networks: each part goes on where the file so far ends, so after a
 * dropped connection the browser asks how far it got and sends the rest. The parts gather in the person's scratch
 * place; the whole file is put in the drive like any upload, with the same checks. An upload nothing was sent to
 * for a while ({@code cloudroom.drive.abandoned-upload-after}: the tab was closed, the browser gave up) is removed,
 * and the room it held against the quota is free again.
 */
@Service
class PartUploads {

	static final int MAX_OPEN = 10;
	private static final int BUFFER = 256 * 1024;

	/** An upload in parts: where it goes, how large it is, and how many bytes have arrived. */
	record Part(UUID id, String path, long size, long offset) {
	}

	private final JdbcClient jdbc;
	private final Drive drive;
	private final HomeStorage storage;
	private final DriveSettings settings;
	private final Clock clock;
	private final Map<UUID, Boolean> writing = new ConcurrentHashMap<>();
	private final Map<PersonId, Object> beginning = new ConcurrentHashMap<>();

	PartUploads(JdbcClient jdbc, Drive drive, HomeStorage storage, DriveSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.drive = drive;
		this.storage = storage;
	}

	Part begin(CloudroomUser user, String path, long size) throws IOException {
		if (size < 0) {
			throw new Refused(Status.BAD_REQUEST, "drive.upload.size");
		}
		// One begin of a person at a time: what each promises counts against the quota of the next.
		synchronized (beginning.computeIfAbsent(user.id(), person -> new Object())) {
			drive.requireRoomFor(user, path, size);
			var open = jdbc.sql("select count(*) from drive_upload where person_id = ?").param(user.id().value())
				.query(Integer.class).single();
			if (open >= MAX_OPEN) {
				throw new Refused(Status.TOO_MANY, "drive.upload.too-many", MAX_OPEN);
			}
			var part = new Part(UUID.randomUUID(), DrivePath.of(path).toString(), size, 0);
			Files.createFile(file(user.id(), part.id()));
			jdbc.sql("insert into drive_upload (id, person_id, drive_path, size_bytes, created_at) values (?, ?, ?, ?, ?)")
				.params(part.id(), user.id().value(), part.path(), size, OffsetDateTime.now(clock)).update();
			return part;
		}
	}

	Part find(CloudroomUser user, UUID id) throws IOException {
		var row = jdbc.sql("select drive_path, size_bytes from drive_upload where id = ? and person_id = ?")
			.params(id, user.id().value())
			.query((rs, n) -> new Part(id, rs.getString("drive_path"), rs.getLong("size_bytes"), 0)).optional()
			.orElseThrow(Refused::notFound);
		return new Part(id, row.path(), row.size(), Files.size(file(user.id(), id)));
	}

	/**
	 * Appends the body, which must start at the offset the file has reached. Returns the part with its new offset,
	 * or, once the file is whole, what was stored. Bytes that arrived before a connection broke are kept.
	 */
	Optional<Uploads.Stored> append(CloudroomUser user, UUID id, long offset, InputStream body) throws IOException {
		if (writing.putIfAbsent(id, Boolean.TRUE) != null) {
			throw new Refused(Status.CONFLICT, "drive.upload.part-busy");
		}
		try {
			var part = find(user, id);
			if (offset != part.offset()) {
				throw new Refused(Status.CONFLICT, "drive.upload.offset", part.offset());
			}
			var file = file(user.id(), id);
			try (var out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
				var buffer = new byte[BUFFER];
				long left = part.size() - offset;
				for (int n; (n = body.readNBytes(buffer, 0, buffer.length)) > 0;) {
					if (n > left) {
						out.truncate(offset);
						throw new Refused(Status.BAD_REQUEST, "drive.upload.too-long", part.size());
					}
					out.write(ByteBuffer.wrap(buffer, 0, n));
					left -= n;
				}
				if (left > 0) {
					return Optional.empty();
				}
			}
			try {
				return Optional.of(drive.upload(user, part.path(), file, id));
			}
			finally {
				cancel(user.id(), id);
			}
		}
		finally {
			writing.remove(id);
		}
	}

	void cancel(CloudroomUser user, UUID id) throws IOException {
		find(user, id);
		cancel(user.id(), id);
	}

	/**
	 * Removes the uploads nothing was sent to for {@code abandoned-upload-after}: its last bytes arrived, or it was
	 * begun, longer ago than that. One being written to now is left alone, however slowly its bytes come.
	 */
	void expire() throws IOException {
		var before = OffsetDateTime.now(clock).minus(settings.abandonedUploadAfter());
		var old = jdbc.sql("select id, person_id from drive_upload where created_at < ?").param(before)
			.query((rs, n) -> Map.entry(new PersonId(rs.getObject("person_id", UUID.class)), rs.getObject("id", UUID.class)))
			.list();
		for (var upload : old) {
			var file = file(upload.getKey(), upload.getValue());
			var touched = Files.exists(file, LinkOption.NOFOLLOW_LINKS)
					? Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant() : Instant.EPOCH;
			if (touched.isBefore(before.toInstant()) && !writing.containsKey(upload.getValue())) {
				cancel(upload.getKey(), upload.getValue());
			}
		}
	}

	private void cancel(PersonId person, UUID id) throws IOException {
		Files.deleteIfExists(file(person, id));
		jdbc.sql("delete from drive_upload where id = ?").param(id).update();
	}

	private Path file(PersonId person, UUID id) throws IOException {
		return storage.scratch(person).resolve(id + ".part");
	}
}
