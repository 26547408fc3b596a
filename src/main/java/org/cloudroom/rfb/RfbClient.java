package org.cloudroom.rfb;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * A small RFB 3.8 client that keeps a copy of a desktop's screen, for thumbnails. It shares the desktop with other
 * viewers, asks for 32-bit true colour in ZRLE, CopyRect or Raw (and to be told of size changes), and applies each
 * update to its {@link Framebuffer}. One thread reads ({@link #read()}); any thread may request updates or close.
 */
public final class RfbClient implements AutoCloseable {

	private final ByteChannel channel;
	private final OutputStream out;
	private final ServerMessages messages;
	private final Framebuffer framebuffer;
	private final String name;
	private final AtomicLong received;

	private RfbClient(ByteChannel channel, OutputStream out, ServerMessages messages, Framebuffer framebuffer,
			String name, AtomicLong received) {
		this.channel = channel;
		this.out = out;
		this.messages = messages;
		this.framebuffer = framebuffer;
		this.name = name;
		this.received = received;
	}

	/**
	 * Does the handshake over a connected channel (security None, or VNC authentication with the password) and
	 * sets the pixel format and encodings; the first update is the caller's to request. Closes the channel when
	 * the handshake fails.
	 */
	public static RfbClient open(ByteChannel channel, byte @Nullable [] password) throws IOException {
		return open(channel, password, ServerMessages.Limits.DEFAULT);
	}

	static RfbClient open(ByteChannel channel, byte @Nullable [] password, ServerMessages.Limits limits)
			throws IOException {
		try {
			var received = new AtomicLong();
			var in = new DataInputStream(new BufferedInputStream(counting(Channels.newInputStream(channel), received),
					64 * 1024));
			var out = Channels.newOutputStream(channel);
			var init = RfbHandshake.connectDesktop(in, out, password);
			limits.check(init.width(), init.height());
			out.write(setPixelFormat());
			out.write(setEncodings());
			out.flush();
			var framebuffer = new Framebuffer(init.width(), init.height());
			return new RfbClient(channel, out, new ServerMessages(in, framebuffer, limits), framebuffer, init.name(),
					received);
		}
		catch (IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
	}

	/**
	 * Asks for the whole screen ({@code incremental} false) or for what changes from now on; after the screen changed
	 * size, for the whole screen again, as the new framebuffer starts empty.
	 */
	public void requestUpdate(boolean incremental) throws IOException {
		var whole = !incremental || messages.takeResized();
		var request = ByteBuffer.allocate(10).put((byte) 3).put((byte) (whole ? 0 : 1)).putInt(0)
			.putShort((short) framebuffer.width()).putShort((short) framebuffer.height()).array();
		synchronized (out) {
			out.write(request);
			out.flush();
		}
	}

	/**
	 * Reads and applies the desktop's next message, waiting for it; true when it was a framebuffer update.
	 *
	 * @throws RfbException when the desktop breaks the protocol or the limits
	 */
	public boolean read() throws IOException {
		try {
			return messages.read();
		}
		catch (IOException | RuntimeException e) {
			messages.close();
			throw e;
		}
	}

	public Framebuffer framebuffer() {
		return framebuffer;
	}

	/** The desktop's name, from its ServerInit. */
	public String name() {
		return name;
	}

	/** How many rectangles in that encoding the desktop has sent so far. */
	public long rectangles(Encoding encoding) {
		return messages.rectangles(encoding);
	}

	/** How many bytes the desktop has sent so far, handshake included. */
	public long bytesReceived() {
		return received.get();
	}

	/**
	 * Closes the connection; a {@link #read()} waiting on another thread ends with an exception, and frees the
	 * decoder's native memory on its way out.
	 */
	@Override
	public void close() throws IOException {
		channel.close();
	}

	/** 32 bits per pixel, depth 24, little-endian, true colour: red, green, blue at bits 16, 8 and 0. */
	static byte[] setPixelFormat() {
		return ByteBuffer.allocate(20).put((byte) 0).position(4).put((byte) 32).put((byte) 24).put((byte) 0)
			.put((byte) 1).putShort((short) 255).putShort((short) 255).putShort((short) 255).put((byte) 16)
			.put((byte) 8).put((byte) 0).position(20).array();
	}

	static byte[] setEncodings() {
		var encodings = Encoding.values();
		var message = ByteBuffer.allocate(4 + 4 * encodings.length).put((byte) 2).put((byte) 0)
			.putShort((short) encodings.length);
		for (var encoding : encodings) {
			message.putInt(encoding.code());
		}
		return message.array();
	}

	private static InputStream counting(InputStream in, AtomicLong received) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					received.incrementAndGet();
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					received.addAndGet(n);
				}
				return n;
			}
		};
	}
}
