package org.cloudroom.drive;

import java.util.List;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;

/** Where a path of someone's drive lies: in a directory tree on disk, or in a folder that only lists others. */
sealed interface Place {

	/** This place, when it holds files to read: a tree; a listing is refused with the key, as not what was asked. */
	default Tree readable(String refusal, String path) {
		return switch (this) {
			case Tree tree -> tree;
			case Listing listing -> throw new Refused(Status.BAD_REQUEST, refusal, path);
		};
	}

	/** This place, when the person may change what lies there: a tree not closed to them. */
	default Tree writable() {
		return switch (this) {
			case Tree tree when tree.readOnly() == null -> tree;
			case Tree tree -> throw new Refused(Status.FORBIDDEN, tree.readOnly());
			case Listing listing -> throw new Refused(Status.FORBIDDEN, "drive.class.fixed");
		};
	}

	/**
	 * A path inside a tree on disk.
	 *
	 * @param tree the tree: the person's home, a class's materials or a student's hand-in folders
	 * @param prefix where the tree lies in the drive, empty for the home
	 * @param path the path inside the tree
	 * @param owner who gets what is made here (their desktop changes it), or null for files only the server changes
	 * @param space what the tree takes and may take, for uploads
	 * @param readOnly why nothing may change here, as a message key, or null when the person may change it
	 */
	record Tree(HomeTree tree, DrivePath prefix, DrivePath path, @Nullable PersonId owner, SpaceOwner space,
			@Nullable String readOnly) implements Place {

		Tree withPath(DrivePath other) {
			return new Tree(tree, prefix, other, owner, space, readOnly);
		}

		/** The place of a path in the drive, as it is inside this tree. */
		DrivePath inDrive(DrivePath inside) {
			var names = new java.util.ArrayList<>(prefix.names());
			names.addAll(inside.names());
			return new DrivePath(List.copyOf(names));
		}
	}

	/** A folder made up by the drive, such as {@code Classes}: it lists its entries and holds nothing itself. */
	record Listing(List<Entry> entries) implements Place {
	}

	/** Whose space a tree takes: a person's quota, or a class's materials allowance. */
	sealed interface SpaceOwner {
		record Person(PersonId id, org.cloudroom.accounts.Role role) implements SpaceOwner {
		}

		record ClassMaterials(java.nio.file.Path folder) implements SpaceOwner {
		}
	}
}
