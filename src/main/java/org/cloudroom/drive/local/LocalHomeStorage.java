package org.cloudroom.drive.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.drive.Homes;
import org.cloudroom.drive.spi.HomeStorage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Homes under {@code <data>/homes/<person id>}, their trash under {@code homes/.trash} and uploads in progress under
 * {@code homes/.uploads}: beside the homes, on the same filesystem, outside what any desktop sees. Class folders
 * lie under {@code <data>/classes/<class id>}. When the server
 * runs as root, what it makes in a home is given to the person's desktop uid, if they have one yet.
 */
@Component
class LocalHomeStorage implements HomeStorage {

	private final Homes homes;
	private final JdbcClient jdbc;
	private final boolean asRoot = "root".equals(System.getProperty("user.name"));

	LocalHomeStorage(Homes homes, JdbcClient jdbc) {
		this.homes = homes;
		this.jdbc = jdbc;
	}

	/** The home, made {@code rwx------} when it is new: the person's desktop, and only it, is given it at its start. */
	@Override
	public Path home(PersonId person) throws IOException {
		var home = homes.of(person);
		if (!Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS)) {
			Files.createDirectories(home.getParent());
			try {
				Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
				// by another request of the same person
			}
		}
		return home;
	}

	@Override
	public Path trash(PersonId person) throws IOException {
		return hidden(".trash", person);
	}

	@Override
	public Path scratch(PersonId person) throws IOException {
		return hidden(".uploads", person);
	}

	@Override
	public Path classRoot(ClassId schoolClass) throws IOException {
		return Files.createDirectories(homes.root().resolveSibling("classes")
			.resolve(schoolClass.value().toString()));
	}

	@Override
	public Iterable<PersonId> people() throws IOException {
		var root = homes.root();
		var people = new ArrayList<PersonId>();
		if (Files.isDirectory(root)) {
			try (var list = Files.list(root)) {
				for (var dir : list.toList()) {
					try {
						people.add(PersonId.of(dir.getFileName().toString()));
					}
					catch (IllegalArgumentException notAHome) {
						// .trash and .uploads live here too
					}
				}
			}
		}
		return List.copyOf(people);
	}

	@Override
	public void own(Path path, PersonId person) throws IOException {
		if (!asRoot) {
			return;
		}
		var uid = uid(person);
		if (uid.isPresent()) {
			Files.setAttribute(path, "unix:uid", uid.getAsInt(), LinkOption.NOFOLLOW_LINKS);
			Files.setAttribute(path, "unix:gid", uid.getAsInt(), LinkOption.NOFOLLOW_LINKS);
		}
	}

	@Override
	public OptionalInt uid(PersonId person) {
		return jdbc.sql("select uid from desktop_account where person_id = ?").param(person.value())
			.query(Integer.class).optional().map(OptionalInt::of).orElse(OptionalInt.empty());
	}

	private Path hidden(String place, PersonId person) throws IOException {
		var root = homes.root().resolve(place);
		if (!Files.isDirectory(root)) {
			Files.createDirectories(root);
			Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
		}
		return Files.createDirectories(root.resolve(person.toString()));
	}
}
