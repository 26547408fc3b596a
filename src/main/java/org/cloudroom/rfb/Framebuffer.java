package org.cloudroom.rfb;

/**
 * The pixels of a desktop's screen as 0xRRGGBB ints, kept up to date by an {@link RfbClient}. Safe to read from
 * any thread while the client writes: each rectangle or tile is applied whole, and {@link #version()} grows after
 * every framebuffer update that changed something.
 */
public final class Framebuffer {

	/** A copy of the screen, box-filtered down to a smaller size, and the version it was taken at. */
	public record Snapshot(int width, int height, int[] rgb, long version) {
	}

	private int width;
	private int height;
	private int[] pixels;
	private long version;

	Framebuffer(int width, int height) {
		this.width = width;
		this.height = height;
		this.pixels = new int[width * height];
	}

	public synchronized int width() {
		return width;
	}

	public synchronized int height() {
		return height;
	}

	public synchronized long version() {
		return version;
	}

	public synchronized int rgb(int x, int y) {
		return pixels[y * width + x];
	}

	/** The screen scaled to at most {@code maxWidth} pixels wide, keeping its aspect; every pixel an average. */
	public synchronized Snapshot scaled(int maxWidth) {
		int w = Math.max(1, Math.min(maxWidth, width));
		int h = Math.max(1, (int) ((long) height * w / width));
		var out = new int[w * h];
		for (int ty = 0; ty < h; ty++) {
			int y0 = ty * height / h;
			int y1 = Math.max(y0 + 1, (ty + 1) * height / h);
			for (int tx = 0; tx < w; tx++) {
				int x0 = tx * width / w;
				int x1 = Math.max(x0 + 1, (tx + 1) * width / w);
				out[ty * w + tx] = average(x0, x1, y0, y1);
			}
		}
		return new Snapshot(w, h, out, version);
	}

	private int average(int x0, int x1, int y0, int y1) {
		long r = 0;
		long g = 0;
		long b = 0;
		for (int y = y0; y < y1; y++) {
			for (int i = y * width + x0, end = y * width + x1; i < end; i++) {
				int p = pixels[i];
				r += p >>> 16 & 0xff;
				g += p >>> 8 & 0xff;
				b += p & 0xff;
			}
		}
		long n = (long) (x1 - x0) * (y1 - y0);
		return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
	}

	/** Copies a block of {@code w × h} pixels, laid out row by row, to (x, y); the caller checked the bounds. */
	synchronized void put(int x, int y, int w, int h, int[] block) {
		for (int row = 0; row < h; row++) {
			System.arraycopy(block, row * w, pixels, (y + row) * width + x, w);
		}
	}

	synchronized void fill(int x, int y, int w, int h, int rgb) {
		for (int row = 0; row < h; row++) {
			int at = (y + row) * width + x;
			java.util.Arrays.fill(pixels, at, at + w, rgb);
		}
	}

	synchronized void copy(int sourceX, int sourceY, int x, int y, int w, int h) {
		boolean downward = y > sourceY;
		for (int i = 0; i < h; i++) {
			int row = downward ? h - 1 - i : i;
			System.arraycopy(pixels, (sourceY + row) * width + sourceX, pixels, (y + row) * width + x, w);
		}
	}

	synchronized void resize(int newWidth, int newHeight) {
		width = newWidth;
		height = newHeight;
		pixels = new int[newWidth * newHeight];
	}

	synchronized void changed() {
		version++;
	}
}
