package org.cloudroom.drive;

import java.time.OffsetDateTime;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.SchoolId;

/**
 * Work a teacher asked a class to hand in by a time; after it each student's folder is read-only.
 *
 * @param open whether its students can still change their work: the due time was still to come when it was read
 */
record Assignment(AssignmentId id, SchoolId schoolId, ClassId classId, String title, OffsetDateTime dueAt,
		OffsetDateTime openedAt, boolean open) {

	/** The assignment's folder name in each student's {@code Hand-in} folder. */
	String folderName() {
		return ClassFolders.folderName(title);
	}
}
