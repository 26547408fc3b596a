package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import org.cloudroom.rfb.Updates.Tiles;
import org.junit.jupiter.api.Test;

/**
 * Random screens and random updates, encoded by a small ZRLE encoder written from the RFC, decode to exactly what
 * a plain model of the screen says, whatever subencoding each tile happens to use.
 */
class RfbClientPropertyTests {

	@Test
	void anyPictureInAnyZrleSubencodingsDecodesToItself() throws Exception {
		var random = new Random(20261123);
		for (int round = 0; round < 300; round++) {
			int w = 1 + random.nextInt(150);
			int h = 1 + random.nextInt(150);
			var picture = picture(random, w, h);
			var screen = Screens.of(w, h, new Updates().update(1).zrle(0, 0, w, h, encode(random, picture, w, h)));

			screen.readAll();

			assertThat(screen.pixels()).as("round %d, %d×%d", round, w, h).isEqualTo(picture);
		}
	}

	@Test
	void anySequenceOfRawCopyRectAndZrleUpdatesMatchesAModelScreen() throws Exception {
		var random = new Random(6);
		for (int round = 0; round < 50; round++) {
			int width = 1 + random.nextInt(200);
			int height = 1 + random.nextInt(120);
			var model = new int[width * height];
			var updates = new Updates();
			for (int i = 0; i < 40; i++) {
				int w = 1 + random.nextInt(width);
				int h = 1 + random.nextInt(height);
				int x = random.nextInt(width - w + 1);
				int y = random.nextInt(height - h + 1);
				updates.update(1);
				switch (random.nextInt(3)) {
					case 0 -> {
						var block = picture(random, w, h);
						updates.raw(x, y, w, h, block);
						put(model, width, x, y, w, h, block);
					}
					case 1 -> {
						int sx = random.nextInt(width - w + 1);
						int sy = random.nextInt(height - h + 1);
						updates.copyRect(x, y, w, h, sx, sy);
						put(model, width, x, y, w, h, block(model, width, sx, sy, w, h));
					}
					default -> {
						var block = picture(random, w, h);
						updates.zrle(x, y, w, h, encode(random, block, w, h));
						put(model, width, x, y, w, h, block);
					}
				}
			}
			var screen = Screens.of(width, height, updates);

			assertThat(screen.readAll()).isEqualTo(40);

			assertThat(screen.pixels()).as("round %d", round).isEqualTo(model);
		}
	}

	/** Pictures like screens: areas of few colours, with some noise. */
	static int[] picture(Random random, int w, int h) {
		var colours = new int[1 + random.nextInt(random.nextBoolean() ? 3 : 200)];
		for (int i = 0; i < colours.length; i++) {
			colours[i] = random.nextInt(0x1000000);
		}
		var pixels = new int[w * h];
		int current = colours[0];
		for (int i = 0; i < pixels.length; i++) {
			if (random.nextInt(8) == 0) {
				current = colours[random.nextInt(colours.length)];
			}
			pixels[i] = current;
		}
		return pixels;
	}

	/** ZRLE tiles of a picture, each in a subencoding chosen at random among those that can hold it. */
	static byte[] encode(Random random, int[] picture, int w, int h) {
		var tiles = new Tiles();
		for (int ty = 0; ty < h; ty += 64) {
			for (int tx = 0; tx < w; tx += 64) {
				int tw = Math.min(64, w - tx);
				int th = Math.min(64, h - ty);
				encodeTile(random, tiles, block(picture, w, tx, ty, tw, th), tw, th);
			}
		}
		return tiles.toByteArray();
	}

	private static void encodeTile(Random random, Tiles tiles, int[] tile, int w, int h) {
		var palette = new LinkedHashSet<Integer>();
		for (var p : tile) {
			palette.add(p);
		}
		var colours = palette.stream().mapToInt(Integer::intValue).toArray();
		var choices = new ArrayList<>(List.of("raw", "plainRle"));
		if (colours.length == 1) {
			choices.add("solid");
		}
		if (colours.length >= 2 && colours.length <= 16) {
			choices.add("packed");
		}
		if (colours.length >= 2 && colours.length <= 127) {
			choices.add("paletteRle");
		}
		switch (choices.get(random.nextInt(choices.size()))) {
			case "raw" -> tiles.raw(tile);
			case "solid" -> tiles.solid(colours[0]);
			case "packed" -> tiles.packedPalette(colours, packed(tile, w, h, colours));
			case "plainRle" -> tiles.plainRle(runs(tile, p -> p));
			default -> tiles.paletteRle(colours, runs(tile, p -> indexOf(colours, p)));
		}
	}

	private static int[] packed(int[] tile, int w, int h, int[] colours) {
		int bits = colours.length == 2 ? 1 : colours.length <= 4 ? 2 : 4;
		var bytes = new ArrayList<Integer>();
		for (int y = 0; y < h; y++) {
			int current = 0;
			int used = 0;
			for (int x = 0; x < w; x++) {
				current |= indexOf(colours, tile[y * w + x]) << (8 - used - bits);
				used += bits;
				if (used == 8) {
					bytes.add(current);
					current = 0;
					used = 0;
				}
			}
			if (used > 0) {
				bytes.add(current);
			}
		}
		return bytes.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int[] runs(int[] tile, java.util.function.IntUnaryOperator value) {
		var pairs = new ArrayList<Integer>();
		for (int i = 0; i < tile.length;) {
			int j = i;
			while (j < tile.length && tile[j] == tile[i]) {
				j++;
			}
			pairs.add(value.applyAsInt(tile[i]));
			pairs.add(j - i);
			i = j;
		}
		return pairs.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int indexOf(int[] colours, int rgb) {
		for (int i = 0; i < colours.length; i++) {
			if (colours[i] == rgb) {
				return i;
			}
		}
		throw new IllegalArgumentException();
	}

	static int[] block(int[] pixels, int width, int x, int y, int w, int h) {
		var block = new int[w * h];
		for (int row = 0; row < h; row++) {
			System.arraycopy(pixels, (y + row) * width + x, block, row * w, w);
		}
		return block;
	}

	private static void put(int[] pixels, int width, int x, int y, int w, int h, int[] block) {
		for (int row = 0; row < h; row++) {
			System.arraycopy(block, row * w, pixels, (y + row) * width + x, w);
		}
	}
}
