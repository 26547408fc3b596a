package org.cloudroom.drive.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.nio.file.attribute.BasicFileAttributes;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.drive.HomeOwners;
import org.cloudroom.drive.Homes;
import org.cloudroom.drive.spi.HomeStorage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
	private final ObjectProvider<HomeOwners> owners;
	private static final Logger log = LoggerFactory.getLogger(LocalHomeStorage.class);

	private final boolean asRoot = "root".equals(System.getProperty("user.name"));
	private volatile boolean toldUnsupported;

	LocalHomeStorage(Homes homes, ObjectProvider<HomeOwners> owners) {
		this.homes = homes;
		this.owners = owners;
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

	/**
	 * With project quotas: the person's project is their desktop uid, and their home, trash, scratch place and
	 * hand-in folders are in it. Without them (a filesystem that has none, or a person without a desktop yet), says
	 * so once and leaves the quota to the drive's measuring.
	 */
	@Override
	public boolean enforce(PersonId person, long quotaBytes, List<Path> handIns) throws IOException {
		var uid = uid(person);
		if (uid.isEmpty() || !projectQuotas()) {
			return false;
		}
		var places = new ArrayList<>(List.of(home(person), trash(person), scratch(person)));
		places.addAll(handIns);
		for (var place : places) {
			ProjectQuotas.tag(place, uid.getAsInt());
		}
		ProjectQuotas.limit(homes.root(), uid.getAsInt(), quotaBytes);
		return true;
	}

	@Override
	public void changeQuota(PersonId person, long quotaBytes) throws IOException {
		var uid = uid(person);
		if (uid.isPresent() && counted(person, uid.getAsInt())) {
			ProjectQuotas.limit(homes.root(), uid.getAsInt(), quotaBytes);
		}
	}

	@Override
	public OptionalLong used(PersonId person) throws IOException {
		var uid = uid(person);
		if (uid.isEmpty() || !counted(person, uid.getAsInt())) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Math.max(0, ProjectQuotas.used(homes.root(), uid.getAsInt()) - uploading(person)));
	}

	@Override
	public void countFor(Path root, List<String> names, @Nullable PersonId person) throws IOException {
		var uid = person == null ? OptionalInt.of(0) : uid(person);
		if (uid.isPresent() && !names.isEmpty() && projectQuotas()) {
			ProjectQuotas.retag(root, names, uid.getAsInt());
		}
	}

	/** Whether the person's home is in their project, as {@link #enforce} puts it. */
	private boolean counted(PersonId person, int uid) {
		try {
			return ProjectQuotas.inherited(homes.of(person)) == uid && projectQuotas();
		}
		catch (IOException noHomeOrNoProjects) {
			return false;
		}
	}

	/** The bytes of uploads under way in the person's scratch place, which only the server writes. */
	private long uploading(PersonId person) throws IOException {
		var bytes = 0L;
		try (var files = Files.list(scratch(person))) {
			for (var file : files.toList()) {
				var attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
				bytes += attributes.isRegularFile() ? attributes.size() : 0;
			}
		}
		return bytes;
	}

	private boolean projectQuotas() {
		var unsupported = ProjectQuotas.unsupported(homes.root());
		if (unsupported != null && !toldUnsupported) {
			toldUnsupported = true;
			log.warn("Drive quotas are enforced only when a desktop starts: the filesystem of {} keeps no project "
					+ "quotas ({}), so a running desktop can write past its person's quota until its next start. "
					+ "Keep the data folder on ext4 made with -O quota,project, or on XFS, mounted with prjquota "
					+ "(README, 'Disk quotas').", homes.root(), unsupported);
		}
		return unsupported == null;
	}

	@Override
	public OptionalInt uid(PersonId person) {
		var known = owners.getIfAvailable();
		return known == null ? OptionalInt.empty() : known.uid(person);
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
