package org.cloudroom.drive;

import java.time.Instant;

/** A file or folder of a drive as a listing shows it; {@code size} is 0 for a folder. */
record Entry(String name, String path, boolean folder, long size, Instant modified) {

	/** The name for a page, with control characters and text-direction marks made visible. */
	public String shown() {
		return DrivePath.shown(name);
	}
}
