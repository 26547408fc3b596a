package org.cloudroom.drive;

import java.time.OffsetDateTime;

/** Something deleted from a drive, restorable to {@code path} until {@code deletedAt} plus the trash's days. */
record TrashEntry(TrashId id, String path, boolean folder, long size, OffsetDateTime deletedAt) {

	String name() {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** Where it was, for a page, with control characters and text-direction marks made visible. */
	public String shown() {
		return String.join("/", java.util.Arrays.stream(path.split("/")).map(DrivePath::shown).toList());
	}
}
