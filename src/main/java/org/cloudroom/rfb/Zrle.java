package org.cloudroom.rfb;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * ZRLE rectangles (RFC 6143, 7.7.6): 64 × 64 tiles of raw, solid, packed-palette, plain-RLE or palette-RLE pixels
 * in one zlib stream per connection. A rectangle may inflate to no more than its tiles can hold, and must end
 * exactly where its last tile does; the compressed bytes are read in small chunks, never all at once.
 */
final class Zrle implements AutoCloseable {

	static final int TILE = 64;
	private static final int CHUNK = 64 * 1024;
	/** Worst case per tile: the subencoding, a 127-colour palette, and 4 bytes per pixel (plain RLE). */
	private static final int TILE_OVERHEAD = 1 + 127 * 3;

	private final Inflater inflater = new Inflater();
	private final byte[] compressed = new byte[CHUNK];
	private final byte[] inflated = new byte[16 * 1024];
	private final int[] tile = new int[TILE * TILE];
	private final int[] palette = new int[128];
	private final DataInputStream in;
	private long compressedLeft;
	private long budget;
	private int position;
	private int limit;
	private boolean closed;

	Zrle(DataInputStream in) {
		this.in = in;
	}

	/** The most compressed bytes a rectangle of that size may send. */
	static long maxCompressed(int w, int h) {
		long inflated = maxInflated(w, h);
		return inflated + inflated / 1000 + 1024;
	}

	private static long maxInflated(int w, int h) {
		long tiles = (long) ((w + TILE - 1) / TILE) * ((h + TILE - 1) / TILE);
		return 4L * w * h + tiles * TILE_OVERHEAD;
	}

	void decode(long length, int x, int y, int w, int h, Framebuffer framebuffer) throws IOException {
		if (closed) {
			throw new RfbException("the connection failed before this ZRLE rectangle");
		}
		compressedLeft = length;
		budget = maxInflated(w, h);
		for (int ty = 0; ty < h; ty += TILE) {
			int th = Math.min(TILE, h - ty);
			for (int tx = 0; tx < w; tx += TILE) {
				int tw = Math.min(TILE, w - tx);
				tile(tw, th);
				framebuffer.put(x + tx, y + ty, tw, th, tile);
			}
		}
		endOfRectangle();
	}

	private void tile(int w, int h) throws IOException {
		int n = w * h;
		int subencoding = u8();
		if (subencoding == 0) {
			for (int i = 0; i < n; i++) {
				tile[i] = cpixel();
			}
		}
		else if (subencoding == 1) {
			java.util.Arrays.fill(tile, 0, n, cpixel());
		}
		else if (subencoding <= 16) {
			packedPalette(w, h, subencoding);
		}
		else if (subencoding == 128) {
			for (int i = 0; i < n;) {
				int rgb = cpixel();
				int run = runLength(n - i);
				java.util.Arrays.fill(tile, i, i + run, rgb);
				i += run;
			}
		}
		else if (subencoding >= 130) {
			paletteRle(n, subencoding - 128);
		}
		else {
			throw new RfbException("ZRLE subencoding " + subencoding);
		}
	}

	private void packedPalette(int w, int h, int size) throws IOException {
		readPalette(size);
		int bits = size == 2 ? 1 : size <= 4 ? 2 : 4;
		int mask = (1 << bits) - 1;
		for (int row = 0; row < h; row++) {
			int bitsLeft = 0;
			int current = 0;
			for (int column = 0; column < w; column++) {
				if (bitsLeft == 0) {
					current = u8();
					bitsLeft = 8;
				}
				bitsLeft -= bits;
				tile[row * w + column] = colour(current >>> bitsLeft & mask, size);
			}
		}
	}

	private void paletteRle(int n, int size) throws IOException {
		readPalette(size);
		for (int i = 0; i < n;) {
			int index = u8();
			if (index < 128) {
				tile[i++] = colour(index, size);
			}
			else {
				int rgb = colour(index & 127, size);
				int run = runLength(n - i);
				java.util.Arrays.fill(tile, i, i + run, rgb);
				i += run;
			}
		}
	}

	private void readPalette(int size) throws IOException {
		for (int i = 0; i < size; i++) {
			palette[i] = cpixel();
		}
	}

	private int colour(int index, int size) throws RfbException {
		if (index >= size) {
			throw new RfbException("ZRLE palette index " + index + " of " + size);
		}
		return palette[index];
	}

	/** A run's length is one plus the sum of its bytes, of which all but the last are 255. */
	private int runLength(int pixelsLeft) throws IOException {
		int length = 1;
		int b;
		do {
			b = u8();
			length += b;
			if (length > pixelsLeft) {
				throw new RfbException("ZRLE run of " + length + " pixels, only " + pixelsLeft + " left in the tile");
			}
		}
		while (b == 255);
		return length;
	}

	/** A compressed pixel: three bytes, blue, green, red, of the little-endian 32-bit format the client set. */
	private int cpixel() throws IOException {
		int b = u8();
		int g = u8();
		int r = u8();
		return r << 16 | g << 8 | b;
	}

	private int u8() throws IOException {
		if (position == limit) {
			inflate();
		}
		return inflated[position++] & 0xff;
	}

	private void inflate() throws IOException {
		while (true) {
			int n;
			try {
				n = inflater.inflate(inflated, 0, (int) Math.min(inflated.length, Math.max(1, budget)));
			}
			catch (DataFormatException e) {
				throw new RfbException("ZRLE data is not zlib: " + e.getMessage());
			}
			if (n > 0) {
				budget -= n;
				if (budget < 0) {
					throw new RfbException("ZRLE rectangle inflates to more than its tiles hold");
				}
				position = 0;
				limit = n;
				return;
			}
			if (inflater.finished() || inflater.needsDictionary()) {
				throw new RfbException("ZRLE stream ended");
			}
			if (!inflater.needsInput() || compressedLeft == 0) {
				throw new RfbException("ZRLE rectangle ends inside a tile");
			}
			feed();
		}
	}

	private void feed() throws IOException {
		int chunk = (int) Math.min(compressed.length, compressedLeft);
		in.readFully(compressed, 0, chunk);
		compressedLeft -= chunk;
		inflater.setInput(compressed, 0, chunk);
	}

	/** Whatever the rectangle still holds must inflate to nothing (the zlib flush at its end). */
	private void endOfRectangle() throws IOException {
		if (position != limit) {
			throw new RfbException("ZRLE rectangle has " + (limit - position) + " bytes after its last tile");
		}
		while (true) {
			int n;
			try {
				n = inflater.inflate(inflated, 0, 1);
			}
			catch (DataFormatException e) {
				throw new RfbException("ZRLE data is not zlib: " + e.getMessage());
			}
			if (n > 0) {
				throw new RfbException("ZRLE rectangle has bytes after its last tile");
			}
			if (!inflater.needsInput() && !inflater.finished()) {
				throw new RfbException("ZRLE stream stalled");
			}
			if (compressedLeft == 0) {
				return;
			}
			feed();
		}
	}

	@Override
	public void close() {
		closed = true;
		inflater.end();
	}
}
