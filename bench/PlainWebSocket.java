import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The client side of a WebSocket (RFC 6455) as a benchmark viewer needs it, and no more: binary messages in, binary
 * messages out. The payload of the server's frames is read straight from the socket into the reader's buffer, as a
 * direct connection to a desktop reads it, so that what the viewer costs is the same over a WebSocket and without
 * one (the JDK's WebSocket client copies each message twice and hands it between threads; on a 2-core machine that
 * CPU was charged to the proxy being measured). The viewer runs on the same machine only because the benchmark does.
 */
final class PlainWebSocket implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	final InputStream in;
	final OutputStream out;
	private final SocketChannel channel;

	private PlainWebSocket(SocketChannel channel, InputStream socketIn) {
		this.channel = channel;
		this.in = new Messages(socketIn);
		this.out = new Frames(Channels.newOutputStream(channel));
	}

	static PlainWebSocket open(String url, String bearer, String subprotocol) throws IOException {
		var uri = URI.create(url);
		var channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
		var key = new byte[16];
		RANDOM.nextBytes(key);
		var request = new StringBuilder()
			.append("GET ").append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
			.append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort())
			.append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ")
			.append(Base64.getEncoder().encodeToString(key)).append("\r\n");
		if (bearer != null) {
			request.append("Authorization: Bearer ").append(bearer).append("\r\n");
		}
		if (subprotocol != null) {
			request.append("Sec-WebSocket-Protocol: ").append(subprotocol).append("\r\n");
		}
		var socketOut = Channels.newOutputStream(channel);
		socketOut.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
		socketOut.flush();
		var socketIn = Channels.newInputStream(channel);
		var head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = socketIn.read();
			if (b < 0 || head.size() > 16 * 1024) {
				throw new IOException("no WebSocket answer: " + head.toString(StandardCharsets.US_ASCII));
			}
			head.write(b);
		}
		var status = head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
		if (!status.startsWith("HTTP/1.1 101")) {
			channel.close();
			throw new IOException("WebSocket refused: " + status);
		}
		return new PlainWebSocket(channel, socketIn);
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}

	/** The payloads of the server's frames as one stream; a close frame ends it. */
	private static final class Messages extends InputStream {

		private final InputStream socket;
		private long left;
		private boolean closed;

		Messages(InputStream socket) {
			this.socket = socket;
		}

		@Override
		public int read() throws IOException {
			if (!nextPayload()) {
				return -1;
			}
			left--;
			return readByte();
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (!nextPayload()) {
				return -1;
			}
			int n = socket.read(b, off, (int) Math.min(len, left));
			if (n < 0) {
				throw new EOFException("the connection ended inside a frame");
			}
			left -= n;
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			if (n <= 0 || !nextPayload()) {
				return 0;
			}
			long skipped = socket.skip(Math.min(n, left));
			left -= skipped;
			return skipped;
		}

		/** Moves to the next frame with payload when this one is read; false after a close frame. */
		private boolean nextPayload() throws IOException {
			while (left == 0 && !closed) {
				int first = readByte();
				int second = readByte();
				long length = second & 0x7f;
				if (length == 126) {
					length = (long) readByte() << 8 | readByte();
				}
				else if (length == 127) {
					length = 0;
					for (int i = 0; i < 8; i++) {
						length = length << 8 | readByte();
					}
				}
				int opcode = first & 0x0f;
				if (opcode == 8) {
					closed = true;
				}
				else if (opcode == 9 || opcode == 10) {
					socket.skipNBytes(length);
				}
				else {
					left = length;
				}
			}
			return !closed;
		}

		private int readByte() throws IOException {
			int b = socket.read();
			if (b < 0) {
				throw new EOFException("the connection ended inside a frame");
			}
			return b;
		}
	}

	/** What is written until a flush goes out as one masked binary frame, as a browser sends it. */
	private static final class Frames extends OutputStream {

		private final OutputStream socket;
		private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

		Frames(OutputStream socket) {
			this.socket = socket;
		}

		@Override
		public void write(int b) {
			pending.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			pending.write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			if (pending.size() == 0) {
				return;
			}
			var payload = pending.toByteArray();
			pending.reset();
			var frame = ByteBuffer.allocate(14 + payload.length).put((byte) 0x82);
			if (payload.length < 126) {
				frame.put((byte) (0x80 | payload.length));
			}
			else if (payload.length < 65536) {
				frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
			}
			else {
				frame.put((byte) (0x80 | 127)).putLong(payload.length);
			}
			var mask = new byte[4];
			RANDOM.nextBytes(mask);
			frame.put(mask);
			for (int i = 0; i < payload.length; i++) {
				frame.put((byte) (payload[i] ^ mask[i & 3]));
			}
			socket.write(frame.array(), 0, frame.position());
			socket.flush();
		}
	}
}
