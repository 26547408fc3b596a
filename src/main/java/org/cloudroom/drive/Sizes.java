package org.cloudroom.drive;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.cloudroom.drive.posix.NoFollow;

/**
 * What a tree takes: the bytes of its regular files, walked one name at a time without following links (a desktop
 * may swap a folder for a link to {@code /} meanwhile), what vanishes while it is measured skipped.
 */
final class Sizes {

	private Sizes() {
	}

	/** The size of the folder at a path only the server changes, but for the folder itself; 0 when there is none. */
	static long of(Path folder) throws IOException {
		try (var opened = NoFollow.folder(folder)) {
			return of(opened);
		}
		catch (NoSuchFileException none) {
			return 0;
		}
	}

	static long of(NoFollow.Opened folder) throws IOException {
		var total = new long[1];
		NoFollow.walk(folder, (parent, path, attributes) -> {
			if (attributes.isRegularFile()) {
				total[0] += attributes.size();
			}
			return true;
		});
		return total[0];
	}
}
