import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;

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
	private final byte[] pixels = new byte[1024 * 1024];

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

	/** Over a WebSocket: a gateway's or websockify's; see {@link PlainWebSocket} for why not the JDK's client. */
	static RfbProbe webSocket(String url, String bearer, String subprotocol) throws Exception {
		var socket = PlainWebSocket.open(url, bearer, subprotocol);
		return new RfbProbe(socket.in, socket.out, socket).handshake();
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
							discard((long) w * h * 4);
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

	/**
	 * Reads the pixels past, in large reads as a browser does (skipping would read them 2 KB at a time, a cost of
	 * the viewer that the benchmark would charge to the path measured).
	 */
	private void discard(long n) throws IOException {
		while (n > 0) {
			int read = in.read(pixels, 0, (int) Math.min(n, pixels.length));
			if (read < 0) {
				throw new java.io.EOFException();
			}
			n -= read;
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
}
