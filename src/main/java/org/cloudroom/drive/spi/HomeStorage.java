package org.cloudroom.drive.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * Where the drive keeps each person's files: a POSIX directory tree per person, on local disk or on a shared
 * filesystem mounted on every desktop host. The home, the trash and the scratch place of a person lie on one
 * filesystem, so that moving between them is a rename; only the home is seen from the person's desktop.
 */
public interface HomeStorage {

	/** The person's home, the root of their drive and of their desktop's home directory; created when missing. */
	Path home(PersonId person) throws IOException;

	/** Where the person's deleted files wait to be restored; created when missing. */
	Path trash(PersonId person) throws IOException;

	/** Where uploads of the person are written before they are moved into the home; created when missing. */
	Path scratch(PersonId person) throws IOException;

	/**
	 * Where a class's materials and its students' hand-in folders lie, on the same filesystem as the homes;
	 * created when missing. Desktops see parts of it through bind mounts, never the whole.
	 */
	Path classRoot(ClassId schoolClass) throws IOException;

	/** Every person that has a home here, for measuring them all. */
	Iterable<PersonId> people() throws IOException;

	/** Gives a file or folder newly made in the home to the person, so their desktop can change it. */
	default void own(Path path, PersonId person) throws IOException {
	}

	/**
	 * Makes the filesystem hold the person to the quota, as far as it can: their home, trash, scratch place and the
	 * given hand-in folders counted as one, and writes past the quota refused ("Disk quota exceeded"), from their
	 * desktop too. Called before their desktop starts, while none of theirs runs: it may walk all their files once.
	 * Answers whether the filesystem holds them to it; by default it does not, and the drive measures the home at
	 * each desktop start instead.
	 */
	default boolean enforce(PersonId person, long quotaBytes, List<Path> handIns) throws IOException {
		return false;
	}

	/** Changes the quota the filesystem holds the person to, when it holds them to one; safe at any time. */
	default void changeQuota(PersonId person, long quotaBytes) throws IOException {
	}

	/**
	 * What the person's files take as the filesystem counts them (home, trash and hand-in folders; uploads under
	 * way left out), when it holds them to a quota.
	 */
	default OptionalLong used(PersonId person) throws IOException {
		return OptionalLong.empty();
	}

	/**
	 * Counts what lies at the names below the root (and all in it) for the person, or for nobody: before the drive
	 * renames it between places counted for different people (a person's, a class's materials), which a filesystem
	 * that holds people to quotas refuses otherwise. Nothing on the way is followed if it is a link.
	 */
	default void countFor(Path root, List<String> names, @Nullable PersonId person) throws IOException {
	}

	/** The uid the person's desktop runs under and their files belong to, when they have one. */
	default OptionalInt uid(PersonId person) {
		return OptionalInt.empty();
	}
}
