package org.cloudroom.rfb;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the desktop's messages (RFC 6143, 7.6) and applies framebuffer updates to a {@link Framebuffer}. Every
 * rectangle must lie inside the framebuffer, every size within the limits; anything else is an
 * {@link RfbException}, before anything is allocated for it.
 */
final class ServerMessages implements AutoCloseable {

	static final int MAX_CUT_TEXT = 1024 * 1024;

	private final DataInputStream in;
	private final Framebuffer framebuffer;
	/** Whether the screen changed size since it was last asked for whole: what was on it is gone. */
	private volatile boolean resized;
	private final Limits limits;
	private final Zrle zrle;
	private final Map<Encoding, Long> rectangles = new EnumMap<>(Encoding.class);

	/** The largest framebuffer accepted: its longest side and its number of pixels. */
	record Limits(int maxSide, int maxPixels) {

		static final Limits DEFAULT = new Limits(8192, 4096 * 4096);

		void check(int width, int height) throws RfbException {
			if (width < 1 || height < 1 || width > maxSide || height > maxSide
					|| (long) width * height > maxPixels) {
				throw new RfbException("framebuffer of " + width + "×" + height + " is beyond the limits");
			}
		}
	}

	ServerMessages(DataInputStream in, Framebuffer framebuffer, Limits limits) {
		this.in = in;
		this.framebuffer = framebuffer;
		this.limits = limits;
		this.zrle = new Zrle(in);
	}

	/** Reads one message; true when it was a framebuffer update. */
	boolean read() throws IOException {
		int type = in.readUnsignedByte();
		switch (type) {
			case 0 -> update();
			case 1 -> {
				in.readUnsignedByte();
				in.readUnsignedShort();
				in.skipNBytes(6L * in.readUnsignedShort());
			}
			case 2 -> {
			}
			case 3 -> cutText();
			default -> throw new RfbException("unknown server message type " + type);
		}
		return type == 0;
	}

	synchronized long rectangles(Encoding encoding) {
		return rectangles.getOrDefault(encoding, 0L);
	}

	private void update() throws IOException {
		in.readUnsignedByte();
		int count = in.readUnsignedShort();
		for (int i = 0; i < count; i++) {
			rectangle();
		}
		if (count > 0) {
			framebuffer.changed();
		}
	}

	private void rectangle() throws IOException {
		int x = in.readUnsignedShort();
		int y = in.readUnsignedShort();
		int w = in.readUnsignedShort();
		int h = in.readUnsignedShort();
		int code = in.readInt();
		var encoding = Encoding.of(code);
		if (encoding == null) {
			throw new RfbException("rectangle in encoding " + code + ", which was not asked for");
		}
		switch (encoding) {
			case RAW -> raw(x, y, w, h);
			case COPY_RECT -> copyRect(x, y, w, h);
			case ZRLE -> zrle(x, y, w, h);
			case DESKTOP_SIZE -> {
				limits.check(w, h);
				framebuffer.resize(w, h);
				resized = true;
			}
		}
		synchronized (this) {
			rectangles.merge(encoding, 1L, Long::sum);
		}
	}

	private void raw(int x, int y, int w, int h) throws IOException {
		inside(x, y, w, h);
		var row = new byte[w * 4];
		var pixels = new int[w];
		for (int line = 0; line < h; line++) {
			in.readFully(row);
			for (int i = 0; i < w; i++) {
				pixels[i] = (row[4 * i + 2] & 0xff) << 16 | (row[4 * i + 1] & 0xff) << 8 | row[4 * i] & 0xff;
			}
			framebuffer.put(x, y + line, w, 1, pixels);
		}
	}

	private void copyRect(int x, int y, int w, int h) throws IOException {
		inside(x, y, w, h);
		int sourceX = in.readUnsignedShort();
		int sourceY = in.readUnsignedShort();
		inside(sourceX, sourceY, w, h);
		framebuffer.copy(sourceX, sourceY, x, y, w, h);
	}

	private void zrle(int x, int y, int w, int h) throws IOException {
		inside(x, y, w, h);
		long length = in.readInt() & 0xffffffffL;
		if (length > Zrle.maxCompressed(w, h)) {
			throw new RfbException("ZRLE rectangle of " + w + "×" + h + " with " + length + " compressed bytes");
		}
		zrle.decode(length, x, y, w, h, framebuffer);
	}

	private void inside(int x, int y, int w, int h) throws RfbException {
		if (x + w > framebuffer.width() || y + h > framebuffer.height()) {
			throw new RfbException("rectangle " + w + "×" + h + " at " + x + "," + y + " outside the "
					+ framebuffer.width() + "×" + framebuffer.height() + " framebuffer");
		}
	}

	/** The desktop's clipboard: skipped; a negative length is the extended format, that many bytes. */
	private void cutText() throws IOException {
		in.skipNBytes(3);
		long length = Math.abs((long) in.readInt());
		if (length > MAX_CUT_TEXT) {
			throw new RfbException("clipboard text of " + length + " bytes");
		}
		in.skipNBytes(length);
	}

	/** True once after each change of size, when the next request must ask for the whole screen. */
	boolean takeResized() {
		var was = resized;
		resized = false;
		return was;
	}

	@Override
	public void close() {
		zrle.close();
	}
}
