import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;

/**
 * What Xvnc itself sends (issue #17): an RFB client on an Xvnc's Unix socket that announces exactly the Tight
 * settings named, asks for updates as fast as it can or at a fixed rate while a workload runs, and prints the bytes of
 * each update, the updates per second and Xvnc's CPU (user+sys from /proc). At half time it asks for the whole screen
 * once, decodes it (Tight: fill, palette, copy, zlib, JPEG) and saves a crop as PNG; that update is not counted.
 *
 *   java bench/H264XvncMeter.java SOCKET XVNC_PID q6c2|q2c9|lossless|raw fast|FPS SECONDS OUT_PREFIX CROP_X CROP_Y -- ACTION...
 *
 * Writes OUT_PREFIX.updates (ms since start, bytes) and prints one summary line.
 */
final class H264XvncMeter {

	private static final int TIGHT = 7;
	private static final int COPY_RECT = 1;
	private static final int DESKTOP_SIZE = -223;
	private static final int LAST_RECT = -224;

	private final DataInputStream in;
	private final OutputStream out;
	private int width;
	private int height;
	private int[] screen;
	private final Inflater[] zlib = { new Inflater(), new Inflater(), new Inflater(), new Inflater() };
	private boolean decodeJpeg;
	private long bytesRead;

	private H264XvncMeter(SocketChannel channel) {
		var raw = Channels.newInputStream(channel);
		this.in = new DataInputStream(new java.io.BufferedInputStream(new java.io.FilterInputStream(raw) {
			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = super.read(b, off, len);
				if (n > 0) {
					bytesRead += n;
				}
				return n;
			}
		}, 1 << 16));
		this.out = Channels.newOutputStream(channel);
	}

	public static void main(String[] args) throws Exception {
		String socket = args[0];
		long xvnc = Long.parseLong(args[1]);
		String settings = args[2];
		double fps = args[3].equals("fast") ? 0 : Double.parseDouble(args[3]);
		double seconds = Double.parseDouble(args[4]);
		String prefix = args[5];
		int cropX = Integer.parseInt(args[6]);
		int cropY = Integer.parseInt(args[7]);
		List<String> action = List.of(args).subList(9, args.length);

		var channel = SocketChannel.open(StandardProtocolFamily.UNIX);
		channel.connect(UnixDomainSocketAddress.of(socket));
		var meter = new H264XvncMeter(channel);
		meter.handshake(encodings(settings));
		meter.fullFrame(false);   // the first picture is not what the workload costs

		var process = new ProcessBuilder(action).inheritIO().start();
		long cpu0 = cpuTicks(xvnc);
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		long period = fps > 0 ? (long) (1e9 / fps) : 0;
		long next = start;
		long half = start + (end - start) / 2;
		boolean snapped = false;
		boolean asked = false;
		var lines = new ArrayList<String>();
		int updates = 0;
		long bytes = 0;
		while (true) {
			long now = System.nanoTime();
			if (!snapped && now >= half) {
				snapped = true;
				long cpuSnap = cpuTicks(xvnc);
				meter.fullFrame(true);   // Xvnc answers an incremental request still open with it too
				meter.savePng(prefix + ".png", cropX, cropY);
				cpu0 += cpuTicks(xvnc) - cpuSnap;   // the snapshot's encoding is not the workload's either
				asked = false;
				continue;
			}
			if (now >= end) {
				break;
			}
			if (!asked) {
				if (period > 0 && now < next) {
					Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
				}
				next = Math.max(next + period, System.nanoTime());
				meter.request(true);
				asked = true;
			}
			long before = meter.bytesRead;
			// An incremental request is answered only when something changed: stop waiting at half time and the end.
			if (!meter.readUpdateUntil(snapped ? end : half)) {
				continue;
			}
			asked = false;
			long size = meter.bytesRead - before;
			updates++;
			bytes += size;
			lines.add(String.format("%d %d", (System.nanoTime() - start) / 1_000_000, size));
		}
		long cpu1 = cpuTicks(xvnc);
		double elapsed = (System.nanoTime() - start) / 1e9;
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		Files.write(Path.of(prefix + ".updates"), lines);
		double cpuMs = (cpu1 - cpu0) * 10.0;
		System.out.printf("settings=%s rate=%s seconds=%.1f updates=%d ups=%.1f bytes=%d mbps=%.3f xvnc_cpu_ms=%.0f%n",
			settings, args[3], elapsed, updates, updates / elapsed, bytes, bytes * 8 / elapsed / 1e6, cpuMs);
		System.exit(0);
	}

	private static int[] encodings(String settings) {
		return switch (settings) {
			case "q6c2" -> new int[] { COPY_RECT, TIGHT, 0, -32 + 6, -256 + 2, DESKTOP_SIZE, LAST_RECT };
			case "q2c9" -> new int[] { COPY_RECT, TIGHT, 0, -32 + 2, -256 + 9, DESKTOP_SIZE, LAST_RECT };
			case "lossless" -> new int[] { COPY_RECT, TIGHT, 0, -256 + 2, DESKTOP_SIZE, LAST_RECT };
			// What a gateway feeding an H.264 encoder would ask for: the pixels as they are.
			case "raw" -> new int[] { 0, DESKTOP_SIZE, LAST_RECT };
			default -> throw new IllegalArgumentException(settings);
		};
	}

	/** utime + stime of a process, in clock ticks (100 a second here). */
	private static long cpuTicks(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(f[11]) + Long.parseLong(f[12]);
	}

	private void handshake(int[] encodings) throws IOException {
		in.readFully(new byte[12]);
		out.write("RFB 003.008\n".getBytes());
		int types = in.readUnsignedByte();
		if (types == 0) {
			throw new IOException("refused");
		}
		in.readFully(new byte[types]);
		out.write(1);
		if (in.readInt() != 0) {
			throw new IOException("security failed");
		}
		out.write(1);
		width = in.readUnsignedShort();
		height = in.readUnsignedShort();
		var format = new byte[16];
		in.readFully(format);
		if (format[0] != 32 || format[1] != 24 || format[3] == 0) {
			throw new IOException("expected Xvnc's 32 bpp depth 24 true colour");
		}
		in.readFully(new byte[in.readInt()]);
		screen = new int[width * height];
		var message = ByteBuffer.allocate(4 + 4 * encodings.length).put((byte) 2).put((byte) 0)
			.putShort((short) encodings.length);
		for (int e : encodings) {
			message.putInt(e);
		}
		out.write(message.array());
	}

	private void request(boolean incremental) throws IOException {
		out.write(ByteBuffer.allocate(10).put((byte) 3).put((byte) (incremental ? 1 : 0)).putShort((short) 0)
			.putShort((short) 0).putShort((short) width).putShort((short) height).array());
	}

	private void fullFrame(boolean decode) throws IOException {
		decodeJpeg = decode;
		request(false);
		readUpdateUntil(Long.MAX_VALUE);
		decodeJpeg = false;
	}

	/** Reads server messages until one framebuffer update is read whole; false if none began before the deadline. */
	private boolean readUpdateUntil(long deadline) throws IOException {
		while (true) {
			while (in.available() == 0) {
				if (System.nanoTime() >= deadline) {
					return false;
				}
				try {
					Thread.sleep(1);
				}
				catch (InterruptedException e) {
					throw new IOException(e);
				}
			}
			int type = in.readUnsignedByte();
			switch (type) {
				case 0 -> {
					in.readUnsignedByte();
					int rects = in.readUnsignedShort();
					for (int i = 0; i < rects; i++) {
						if (!rect()) {
							break;
						}
					}
					return true;
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
				default -> throw new IOException("unexpected server message " + type);
			}
		}
	}

	/** One rectangle; false after LastRect. */
	private boolean rect() throws IOException {
		int x = in.readUnsignedShort();
		int y = in.readUnsignedShort();
		int w = in.readUnsignedShort();
		int h = in.readUnsignedShort();
		int encoding = in.readInt();
		if (x + w > width || y + h > height) {
			throw new IOException("rectangle outside the screen");
		}
		switch (encoding) {
			case 0 -> {
				var b = new byte[w * h * 4];
				in.readFully(b);
				for (int i = 0; i < w * h; i++) {
					screen[(y + i / w) * width + x + i % w] = (b[4 * i + 2] & 255) << 16 | (b[4 * i + 1] & 255) << 8
						| b[4 * i] & 255;
				}
			}
			case COPY_RECT -> {
				int sx = in.readUnsignedShort();
				int sy = in.readUnsignedShort();
				var copy = new int[w * h];
				for (int r = 0; r < h; r++) {
					System.arraycopy(screen, (sy + r) * width + sx, copy, r * w, w);
				}
				for (int r = 0; r < h; r++) {
					System.arraycopy(copy, r * w, screen, (y + r) * width + x, w);
				}
			}
			case TIGHT -> tight(x, y, w, h);
			case DESKTOP_SIZE -> throw new IOException("the screen changed size");
			case LAST_RECT -> {
				return false;
			}
			default -> throw new IOException("unexpected encoding " + encoding);
		}
		return true;
	}

	private void tight(int x, int y, int w, int h) throws IOException {
		int control = in.readUnsignedByte();
		for (int i = 0; i < 4; i++) {
			if ((control & 1 << i) != 0) {
				zlib[i].reset();
			}
		}
		int kind = control >> 4;
		if (kind == 8) {
			fill(x, y, w, h, pixel(in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte()));
			return;
		}
		if (kind == 9) {
			var jpeg = new byte[compactLength()];
			in.readFully(jpeg);
			if (decodeJpeg) {
				BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
				for (int r = 0; r < h; r++) {
					for (int c = 0; c < w; c++) {
						screen[(y + r) * width + x + c] = image.getRGB(c, r) & 0xffffff;
					}
				}
			}
			return;
		}
		if ((kind & 8) != 0) {
			throw new IOException("unexpected Tight control " + control);
		}
		int filter = (kind & 4) != 0 ? in.readUnsignedByte() : 0;
		int[] palette = null;
		int size;
		if (filter == 1) {
			palette = new int[in.readUnsignedByte() + 1];
			for (int i = 0; i < palette.length; i++) {
				palette[i] = pixel(in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte());
			}
			size = palette.length == 2 ? (w + 7) / 8 * h : w * h;
		}
		else if (filter == 0) {
			size = w * h * 3;
		}
		else {
			throw new IOException("unexpected Tight filter " + filter);
		}
		var data = new byte[size];
		if (size < 12) {
			in.readFully(data);
		}
		else {
			var packed = new byte[compactLength()];
			in.readFully(packed);
			var inflater = zlib[kind & 3];
			inflater.setInput(packed);
			try {
				int n = 0;
				while (n < size) {
					int got = inflater.inflate(data, n, size - n);
					if (got == 0 && (inflater.needsInput() || inflater.finished())) {
						throw new IOException("short zlib data");
					}
					n += got;
				}
			}
			catch (DataFormatException e) {
				throw new IOException(e);
			}
		}
		for (int r = 0; r < h; r++) {
			for (int c = 0; c < w; c++) {
				int p;
				if (palette == null) {
					int i = 3 * (r * w + c);
					p = pixel(data[i] & 255, data[i + 1] & 255, data[i + 2] & 255);
				}
				else if (palette.length == 2) {
					p = palette[data[r * ((w + 7) / 8) + c / 8] >> 7 - c % 8 & 1];
				}
				else {
					int index = data[r * w + c] & 255;
					if (index >= palette.length) {
						throw new IOException("palette index out of range");
					}
					p = palette[index];
				}
				screen[(y + r) * width + x + c] = p;
			}
		}
	}

	private static int pixel(int r, int g, int b) {
		return r << 16 | g << 8 | b;
	}

	private void fill(int x, int y, int w, int h, int p) {
		for (int r = 0; r < h; r++) {
			java.util.Arrays.fill(screen, (y + r) * width + x, (y + r) * width + x + w, p);
		}
	}

	private int compactLength() throws IOException {
		int b = in.readUnsignedByte();
		int length = b & 0x7f;
		if ((b & 0x80) != 0) {
			b = in.readUnsignedByte();
			length |= (b & 0x7f) << 7;
			if ((b & 0x80) != 0) {
				length |= in.readUnsignedByte() << 14;
			}
		}
		return length;
	}

	private void savePng(String file, int cropX, int cropY) throws IOException {
		var image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
		for (int r = 0; r < 200; r++) {
			for (int c = 0; c < 400; c++) {
				image.setRGB(c, r, screen[(cropY + r) * width + cropX + c]);
			}
		}
		ImageIO.write(image, "png", new File(file));
	}
}
