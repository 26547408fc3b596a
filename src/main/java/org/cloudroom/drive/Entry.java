package org.cloudroom.drive;

import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/** A file or folder of a drive as a listing shows it; {@code size} is 0 for a folder. */
record Entry(String name, String path, boolean folder, long size, Instant modified) {

	/** The file or folder at the path of a drive, as its attributes say. */
	static Entry of(DrivePath path, BasicFileAttributes attributes) {
		return new Entry(path.name(), path.toString(), attributes.isDirectory(),
				attributes.isDirectory() ? 0 : attributes.size(), attributes.lastModifiedTime().toInstant());
	}

	/** The name for a page, with control characters and text-direction marks made visible. */
	public String shown() {
		return DrivePath.shown(name);
	}
}
