import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal RFB 3.8 viewer for benchmarks: connects over a Cloudroom gateway WebSocket, a websockify WebSocket or
 * a desktop's Unix socket, answers security None, and reads whole Raw framebuffer updates.
 */
final class RfbProbe implements AutoCloseable {

	final DataInputStream in;
	final OutputStream out;
	final AutoCloseable connection;
	int width;
	int height;
	long bytesRead;

	private RfbProbe(InputStream in, OutputStream out, AutoCloseable connection) {
		this.in = new DataInputStream(new Counting(in));
		this.out = out;
		this.connection = connection;
	}

	static RfbProbe unix(String socket) throws IOException {
		var channel = SocketChannel.open(StandardProtocolFamily.UNIX);
		channel.connect(UnixDomainSocketAddress.of(socket));
		return new RfbProbe(Channels.newInputStream(channel), Channels.newOutputStream(channel), channel).handshake();
	}

	static RfbProbe webSocket(String url, String bearer, String subprotocol) throws Exception {
		var queue = new LinkedBlockingQueue<ByteBuffer>();
		var builder = HttpClient.newHttpClient().newWebSocketBuilder();
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		if (subprotocol != null) {
			builder.subprotocols(subprotocol);
		}
		var socket = builder.buildAsync(URI.create(url), new WebSocket.Listener() {
			@Override
			public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
				var copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
				queue.add(copy);
				ws.request(1);
				return null;
			}

			@Override
			public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
				queue.add(ByteBuffer.allocate(0));
				return null;
			}
		}).get(30, TimeUnit.SECONDS);
		var output = new OutputStream() {
			private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

			@Override
			public void write(int b) {
				pending.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				pending.write(b, off, len);
			}

			@Override
			public void flush() {
				if (pending.size() > 0) {
					socket.sendBinary(ByteBuffer.wrap(pending.toByteArray()), true).join();
					pending.reset();
				}
			}
		};
		AutoCloseable closer = () -> socket.abort();
		return new RfbProbe(new QueueStream(queue), output, closer).handshake();
	}

	private RfbProbe handshake() throws IOException {
		var version = new byte[12];
		in.readFully(version);
		out.write("RFB 003.008\n".getBytes());
		out.flush();
		int types = in.readUnsignedByte();
		if (types == 0) {
			throw new IOException("refused");
		}
		in.readFully(new byte[types]);
		out.write(1);
		out.flush();
		if (in.readInt() != 0) {
			throw new IOException("security failed");
		}
		out.write(1);
		out.flush();
		width = in.readUnsignedShort();
		height = in.readUnsignedShort();
		in.readFully(new byte[16]);
		in.readFully(new byte[in.readInt()]);
		// Raw only, so every byte of the picture crosses the wire and the sizes are known.
		out.write(new byte[] { 2, 0, 0, 1, 0, 0, 0, 0 });
		out.flush();
		return this;
	}

	/** Asks for the whole screen and reads until that update is complete. */
	void fullFrame() throws IOException {
		var request = ByteBuffer.allocate(10).put((byte) 3).put((byte) 0).putShort((short) 0).putShort((short) 0)
			.putShort((short) width).putShort((short) height);
		out.write(request.array());
		out.flush();
		readUpdate();
	}

	/** Reads server messages until one framebuffer update has been read whole. */
	void readUpdate() throws IOException {
		while (true) {
			int type = in.readUnsignedByte();
			switch (type) {
				case 0 -> {
					in.readUnsignedByte();
					int rects = in.readUnsignedShort();
					for (int i = 0; i < rects; i++) {
						in.skipNBytes(4);
						int w = in.readUnsignedShort();
						int h = in.readUnsignedShort();
						int encoding = in.readInt();
						if (encoding == 0) {
							in.skipNBytes((long) w * h * 4);
						}
						else if (encoding == -223) {
							width = w;
							height = h;
						}
						else {
							throw new IOException("unexpected encoding " + encoding);
						}
					}
					return;
				}
				case 1 -> {
					in.skipNBytes(3);
					in.skipNBytes(6L * in.readUnsignedShort());
				}
				case 2 -> {
				}
				case 3 -> {
					in.skipNBytes(3);
					in.skipNBytes(in.readInt());
				}
				case 248 -> {
					in.skipNBytes(7);
					in.skipNBytes(in.readUnsignedByte());
				}
				default -> throw new IOException("unexpected server message " + type);
			}
		}
	}

	/** Asks for what changes from now on, without waiting for it. */
	void requestIncremental() throws IOException {
		out.write(ByteBuffer.allocate(10).put((byte) 3).put((byte) 1).putShort((short) 0).putShort((short) 0)
			.putShort((short) width).putShort((short) height).array());
		out.flush();
	}

	void pointer(int x, int y) throws IOException {
		out.write(ByteBuffer.allocate(6).put((byte) 5).put((byte) 0).putShort((short) x).putShort((short) y).array());
		out.flush();
	}

	void key(int keysym, boolean down) throws IOException {
		out.write(ByteBuffer.allocate(8).put((byte) 4).put((byte) (down ? 1 : 0)).putShort((short) 0).putInt(keysym)
			.array());
		out.flush();
	}

	@Override
	public void close() throws Exception {
		connection.close();
	}

	private final class Counting extends java.io.FilterInputStream {

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				bytesRead++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				bytesRead += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			bytesRead += skipped;
			return skipped;
		}
	}

	private static final class QueueStream extends InputStream {

		private final BlockingQueue<ByteBuffer> queue;
		private ByteBuffer current = ByteBuffer.allocate(0);

		QueueStream(BlockingQueue<ByteBuffer> queue) {
			this.queue = queue;
		}

		@Override
		public int read() throws IOException {
			var one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			while (!current.hasRemaining()) {
				try {
					current = queue.poll(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					throw new IOException(e);
				}
				if (current == null) {
					throw new IOException("timed out");
				}
				if (current.capacity() == 0) {
					return -1;
				}
			}
			int n = Math.min(len, current.remaining());
			current.get(b, off, n);
			return n;
		}
	}
}
