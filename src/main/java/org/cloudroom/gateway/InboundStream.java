package org.cloudroom.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The browser's WebSocket messages as one stream of bytes, in order, for the one thread that reads them: first
 * through the RFB handshake, then message by message. A closed stream reads as the end.
 */
final class InboundStream extends InputStream {

	private static final ByteBuffer END = ByteBuffer.allocate(0);

	private final BlockingQueue<ByteBuffer> messages = new LinkedBlockingQueue<>();
	private final long handshakeTimeoutMillis;
	private ByteBuffer current = ByteBuffer.allocate(0);
	private boolean ended;

	InboundStream(long handshakeTimeoutMillis) {
		this.handshakeTimeoutMillis = handshakeTimeoutMillis;
	}

	/** Called by the WebSocket thread; the bytes are copied, as the container reuses its buffer. */
	void offer(ByteBuffer payload) {
		var copy = ByteBuffer.allocate(payload.remaining());
		copy.put(payload).flip();
		messages.add(copy);
	}

	void end() {
		messages.add(END);
	}

	/** The next message's bytes, waiting as long as it takes; {@code null} at the end of the stream. */
	ByteBuffer nextMessage() throws IOException {
		if (current.hasRemaining()) {
			var rest = current;
			current = ByteBuffer.allocate(0);
			return rest;
		}
		if (ended) {
			return null;
		}
		try {
			var next = messages.take();
			if (next == END) {
				ended = true;
				return null;
			}
			return next;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted");
		}
	}

	@Override
	public int read() throws IOException {
		var one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	/** Reads during the handshake, which must not stall: a browser that stops answering is dropped. */
	@Override
	public int read(byte[] target, int offset, int length) throws IOException {
		if (!current.hasRemaining()) {
			if (ended) {
				return -1;
			}
			try {
				var next = messages.poll(handshakeTimeoutMillis, TimeUnit.MILLISECONDS);
				if (next == null) {
					throw new IOException("the browser stopped answering during the handshake");
				}
				if (next == END) {
					ended = true;
					return -1;
				}
				current = next;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted");
			}
		}
		int n = Math.min(length, current.remaining());
		current.get(target, offset, n);
		return n;
	}
}
