package org.cloudroom.drive;

import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;

import org.springframework.core.io.AbstractResource;

/**
 * A file of a drive to read, opened afresh for each read through folders opened without following links, so that
 * what is read is what lies in the drive even when a desktop swaps a folder for a link meanwhile, and refused when
 * it is no longer a regular file (a FIFO put in its place is never waited on).
 */
final class DriveFile extends AbstractResource {

	private final HomeTree tree;
	private final Path file;

	DriveFile(HomeTree tree, Path file) {
		this.tree = tree;
		this.file = file;
	}

	@Override
	public InputStream getInputStream() throws IOException {
		return new LargeSteps(Channels.newInputStream(tree.read(file)));
	}

	@Override
	public long contentLength() throws IOException {
		try (var channel = tree.read(file)) {
			return channel.size();
		}
	}

	@Override
	public String getFilename() {
		return file.getFileName().toString();
	}

	@Override
	public boolean exists() {
		return true;
	}

	@Override
	public String getDescription() {
		return "file " + file.getFileName() + " of a drive";
	}

	/** Copies to the response 256 KB at a time rather than the 16 KB an input stream's transferTo takes. */
	private static final class LargeSteps extends FilterInputStream {

		LargeSteps(InputStream in) {
			super(in);
		}

		@Override
		public long transferTo(OutputStream out) throws IOException {
			var buffer = new byte[256 * 1024];
			long total = 0;
			for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0;) {
				out.write(buffer, 0, n);
				total += n;
			}
			return total;
		}
	}
}
