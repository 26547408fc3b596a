package org.cloudroom.drive;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.drive.posix.NoFollow;
import org.cloudroom.status.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deleted files and folders, each moved whole into the person's trash under an id of its own and listed in a table
 * with where it came from. They still count towards the quota until they are purged.
 */
@Repository
class Trash {

	private final JdbcClient jdbc;
	private final Clock clock;

	Trash(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	TrashEntry put(PersonId person, HomeTree tree, Path file, HomeTree trash, DrivePath path) throws IOException {
		var attributes = tree.attributes(file).orElseThrow(Refused::notFound);
		var folder = attributes.isDirectory();
		long size = attributes.isRegularFile() ? attributes.size() : 0;
		if (folder) {
			try (var opened = tree.openFolder(file)) {
				size = Sizes.of(opened);
			}
		}
		var entry = new TrashEntry(TrashId.random(), path.toString(), folder, size, OffsetDateTime.now(clock));
		HomeTree.move(tree, file, trash, trash.root().resolve(entry.id().toString()));
		jdbc.sql("""
				insert into drive_trash (id, person_id, original_path, is_folder, size_bytes, deleted_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(entry.id().value(), person.value(), entry.path(), entry.folder(), entry.size(), entry.deletedAt())
			.update();
		return entry;
	}

	List<TrashEntry> of(PersonId person) {
		return jdbc.sql("select * from drive_trash where person_id = ? order by deleted_at desc")
			.param(person.value()).query(Trash::entry).list();
	}

	Optional<TrashEntry> find(PersonId person, TrashId id) {
		return jdbc.sql("select * from drive_trash where person_id = ? and id = ?").params(person.value(), id.value())
			.query(Trash::entry).optional();
	}

	/** Takes the entry out of the trash table; its file is moved back by the caller. */
	void taken(TrashId id) {
		jdbc.sql("delete from drive_trash where id = ?").param(id.value()).update();
	}

	record Expired(PersonId person, TrashEntry entry) {
	}

	List<Expired> olderThan(OffsetDateTime time) {
		return jdbc.sql("select * from drive_trash where deleted_at < ?").param(time)
			.query((rs, n) -> new Expired(new PersonId(rs.getObject("person_id", UUID.class)), entry(rs, n))).list();
	}

	void purge(Path trash, TrashEntry entry) throws IOException {
		delete(trash, Path.of(entry.id().toString()));
		taken(entry.id());
	}

	/**
	 * Deletes what lies under the name in the trash, one name at a time from folders opened without following links:
	 * a desktop still working in a folder that was deleted from the web changes it in the trash.
	 */
	private static void delete(Path trash, Path name) throws IOException {
		try (var folder = NoFollow.folder(trash)) {
			var listing = folder.listing();
			BasicFileAttributes attributes;
			try {
				attributes = listing.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
					.readAttributes();
			}
			catch (NoSuchFileException gone) {
				return;
			}
			if (attributes.isDirectory()) {
				try (var top = NoFollow.folder(folder, name.toString())) {
					NoFollow.walk(top, new NoFollow.Visitor() {
						@Override
						public boolean visit(NoFollow.Opened parent, List<String> path, BasicFileAttributes found)
								throws IOException {
							if (!found.isDirectory()) {
								parent.listing().deleteFile(Path.of(path.getLast()));
							}
							return true;
						}

						@Override
						public void left(NoFollow.Opened parent, List<String> path) throws IOException {
							parent.listing().deleteDirectory(Path.of(path.getLast()));
						}
					});
				}
				listing.deleteDirectory(name);
			}
			else {
				listing.deleteFile(name);
			}
		}
	}

	private static TrashEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new TrashEntry(new TrashId(rs.getObject("id", UUID.class)), rs.getString("original_path"),
				rs.getBoolean("is_folder"), rs.getLong("size_bytes"),
				rs.getObject("deleted_at", OffsetDateTime.class));
	}
}
