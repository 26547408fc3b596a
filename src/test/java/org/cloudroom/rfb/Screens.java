package org.cloudroom.rfb;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/** A framebuffer fed with bytes as if from a desktop, message after message, with small limits. */
final class Screens {

	static final ServerMessages.Limits SMALL = new ServerMessages.Limits(512, 512 * 256);

	final Framebuffer framebuffer;
	private final ServerMessages messages;
	private final ByteArrayInputStream in;

	Screens(int width, int height, byte[] stream) {
		framebuffer = new Framebuffer(width, height);
		in = new ByteArrayInputStream(stream);
		messages = new ServerMessages(new DataInputStream(in), framebuffer, SMALL);
	}

	/** Reads every message in the stream; how many were framebuffer updates. */
	int readAll() throws IOException {
		int updates = 0;
		while (in.available() > 0) {
			if (messages.read()) {
				updates++;
			}
		}
		return updates;
	}

	long rectangles(Encoding encoding) {
		return messages.rectangles(encoding);
	}

	int[] pixels() {
		var all = new int[framebuffer.width() * framebuffer.height()];
		for (int y = 0; y < framebuffer.height(); y++) {
			for (int x = 0; x < framebuffer.width(); x++) {
				all[y * framebuffer.width() + x] = framebuffer.rgb(x, y);
			}
		}
		return all;
	}

	static Screens of(int width, int height, Updates updates) {
		return new Screens(width, height, updates.toByteArray());
	}
}
