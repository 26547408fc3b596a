package org.cloudroom.rfb;

/**
 * The pixels of a desktop's screen as 0xRRGGBB ints, kept up to date by an {@link RfbClient}. Safe to read from
 * any thread while the client writes: each rectangle or tile is applied whole, and {@link #version()} grows after
 * every framebuffer update that changed something. A scaled copy is kept, and redone only where pixels changed.
 */
public final class Framebuffer {

	/** A copy of the screen, box-filtered down to a smaller size, and the version it was taken at. */
	public record Snapshot(int width, int height, int[] rgb, long version) {
	}

	private int width;
	private int height;
	private int[] pixels;
	private long version;
	private int[] scaled = new int[0];
	private int scaledWidth;
	private int scaledHeight;
	/** The box of pixels changed since the scaled copy was last brought up to date: x0, y0, x1, y1. */
	private final int[] dirty = new int[4];

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
		if (w != scaledWidth || h != scaledHeight) {
			scaled = new int[w * h];
			scaledWidth = w;
			scaledHeight = h;
			touch(0, 0, width, height);
		}
		if (dirty[2] > dirty[0] && dirty[3] > dirty[1]) {
			rescale(dirty[0] * w / width, dirty[1] * h / height, ceilDiv(dirty[2] * w, width),
					ceilDiv(dirty[3] * h, height));
			java.util.Arrays.fill(dirty, 0);
		}
		return new Snapshot(w, h, scaled.clone(), version);
	}

	private void rescale(int fromX, int fromY, int toX, int toY) {
		int w = scaledWidth;
		int h = scaledHeight;
		for (int ty = fromY; ty < Math.min(h, toY); ty++) {
			int y0 = (int) ((long) ty * height / h);
			int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * height / h));
			for (int tx = fromX; tx < Math.min(w, toX); tx++) {
				int x0 = (int) ((long) tx * width / w);
				int x1 = Math.max(x0 + 1, (int) ((long) (tx + 1) * width / w));
				scaled[ty * w + tx] = average(x0, x1, y0, y1);
			}
		}
	}

	private static int ceilDiv(long a, int b) {
		return (int) ((a + b - 1) / b);
	}

	private void touch(int x, int y, int w, int h) {
		if (dirty[2] <= dirty[0] || dirty[3] <= dirty[1]) {
			dirty[0] = x;
			dirty[1] = y;
			dirty[2] = x + w;
			dirty[3] = y + h;
		}
		else {
			dirty[0] = Math.min(dirty[0], x);
			dirty[1] = Math.min(dirty[1], y);
			dirty[2] = Math.max(dirty[2], x + w);
			dirty[3] = Math.max(dirty[3], y + h);
		}
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
		touch(x, y, w, h);
	}

	synchronized void copy(int sourceX, int sourceY, int x, int y, int w, int h) {
		boolean downward = y > sourceY;
		for (int i = 0; i < h; i++) {
			int row = downward ? h - 1 - i : i;
			System.arraycopy(pixels, (sourceY + row) * width + sourceX, pixels, (y + row) * width + x, w);
		}
		touch(x, y, w, h);
	}

	/**
	 * The screen took a new size: what was on it stays where it still fits, until the desktop sends the new screen;
	 * a picture of the old screen is better than a black one meanwhile. The same size again changes nothing.
	 */
	synchronized void resize(int newWidth, int newHeight) {
		if (newWidth == width && newHeight == height) {
			return;
		}
		var resized = new int[newWidth * newHeight];
		int keptWidth = Math.min(width, newWidth);
		for (int row = 0; row < Math.min(height, newHeight); row++) {
			System.arraycopy(pixels, row * width, resized, row * newWidth, keptWidth);
		}
		width = newWidth;
		height = newHeight;
		pixels = resized;
		scaledWidth = 0;
		java.util.Arrays.fill(dirty, 0);
		touch(0, 0, newWidth, newHeight);
	}

	synchronized void changed() {
		version++;
	}
}
