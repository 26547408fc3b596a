package org.cloudroom.drive;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** What a tree takes: the bytes of its files, links not followed, what vanishes while it is measured skipped. */
final class Sizes {

	private Sizes() {
	}

	static long of(Path tree) {
		var total = new long[1];
		try {
			Files.walkFileTree(tree, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile()) {
						total[0] += attributes.size();
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException e) {
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException e) {
			// walkFileTree reports through the visitor; nothing more to count
		}
		return total[0];
	}
}
