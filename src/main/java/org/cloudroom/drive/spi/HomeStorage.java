package org.cloudroom.drive.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.PersonId;

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

	/** The uid the person's desktop runs under and their files belong to, when they have one. */
	default OptionalInt uid(PersonId person) {
		return OptionalInt.empty();
	}
}
