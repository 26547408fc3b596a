package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudroom.rfb.ServerMessagesTests.assertRefused;

import java.util.Arrays;

import org.cloudroom.rfb.Updates.Tiles;
import org.junit.jupiter.api.Test;

class ZrleTests {

	private static final int RED = 0xff0000;
	private static final int GREEN = 0x00ff00;
	private static final int BLUE = 0x0000ff;
	private static final int GREY = 0x808080;

	@Test
	void rawTileCarriesThreeBytePixels() throws Exception {
		var tiles = new Tiles().raw(RED, GREEN, BLUE, 0x123456);
		var screen = Screens.of(3, 3, new Updates().update(1).zrle(1, 1, 2, 2, tiles.toByteArray()));

		screen.readAll();

		assertThat(screen.pixels()).containsExactly(0, 0, 0, 0, RED, GREEN, 0, BLUE, 0x123456);
		assertThat(screen.rectangles(Encoding.ZRLE)).isEqualTo(1);
	}

	@Test
	void solidTileFillsEveryPixel() throws Exception {
		var screen = Screens.of(3, 2, new Updates().update(1).zrle(0, 0, 3, 2, new Tiles().solid(GREY).toByteArray()));

		screen.readAll();

		assertThat(screen.pixels()).containsOnly(GREY).hasSize(6);
	}

	@Test
	void packedPaletteTilesUseOneTwoOrFourBitsAPixelAndPadEachRow() throws Exception {
		// 3 × 2 pixels: with two colours, rows 1 0 1 and 0 1 1 are 101(00000) and 011(00000)
		var two = new Tiles().packedPalette(new int[] { RED, BLUE }, 0b1010_0000, 0b0110_0000);
		// with three colours (two bits): 2 1 0 and 0 0 2
		var three = new Tiles().packedPalette(new int[] { RED, GREEN, BLUE }, 0b1001_0000, 0b0000_1000);
		// with five colours (four bits): 4 3 2 and 1 0 4
		var five = new Tiles().packedPalette(new int[] { RED, GREEN, BLUE, GREY, 0x111111 }, 0x43, 0x20, 0x10,
				0x40);

		assertThat(decodeTile(two)).containsExactly(BLUE, RED, BLUE, RED, BLUE, BLUE);
		assertThat(decodeTile(three)).containsExactly(BLUE, GREEN, RED, RED, RED, BLUE);
		assertThat(decodeTile(five)).containsExactly(0x111111, GREY, BLUE, GREEN, RED, 0x111111);
	}

	@Test
	void plainRleRepeatsEachColourForItsRun() throws Exception {
		assertThat(decodeTile(new Tiles().plainRle(RED, 2, GREEN, 1, BLUE, 3)))
			.containsExactly(RED, RED, GREEN, BLUE, BLUE, BLUE);
	}

	@Test
	void paletteRleMixesSinglePixelsAndRuns() throws Exception {
		assertThat(decodeTile(new Tiles().paletteRle(new int[] { RED, GREEN }, 1, 1, 0, 4, 1, 1)))
			.containsExactly(GREEN, RED, RED, RED, RED, GREEN);
	}

	@Test
	void runsLongerThan255PixelsSpanSeveralLengthBytes() throws Exception {
		var runs = new Tiles().plainRle(RED, 600, BLUE, 4096 - 600).toByteArray();
		var screen = Screens.of(64, 64, new Updates().update(1).zrle(0, 0, 64, 64, runs));

		screen.readAll();

		var pixels = screen.pixels();
		assertThat(Arrays.copyOfRange(pixels, 0, 600)).containsOnly(RED);
		assertThat(Arrays.copyOfRange(pixels, 600, 4096)).containsOnly(BLUE);
	}

	@Test
	void tilesAre64SquareLeftToRightThenTopToBottomWithSmallerTilesAtTheEdges() throws Exception {
		var tiles = new Tiles().solid(RED).solid(GREEN).solid(BLUE).solid(GREY).toByteArray();
		var screen = Screens.of(100, 70, new Updates().update(1).zrle(0, 0, 100, 70, tiles));

		screen.readAll();

		var fb = screen.framebuffer;
		assertThat(new int[] { fb.rgb(0, 0), fb.rgb(63, 63), fb.rgb(64, 0), fb.rgb(99, 63), fb.rgb(0, 64),
				fb.rgb(63, 69), fb.rgb(64, 64), fb.rgb(99, 69) })
			.containsExactly(RED, RED, GREEN, GREEN, BLUE, BLUE, GREY, GREY);
	}

	@Test
	void rectanglesOfAConnectionShareOneZlibStream() throws Exception {
		var updates = new Updates();
		var first = updates.compress(new Tiles().solid(RED).toByteArray());
		var second = updates.compress(new Tiles().solid(RED).toByteArray());
		var screen = Screens.of(2, 1, updates.update(2).zrleCompressed(0, 0, 1, 1, first)
			.zrleCompressed(1, 0, 1, 1, second));

		screen.readAll();

		assertThat(screen.pixels()).containsExactly(RED, RED);
		assertThat(second.length).as("the second refers back to the first").isLessThan(first.length);
	}

	@Test
	void refusesRunsBeyondTheTile() {
		assertRefused(tile(2, 2, new Tiles().plainRle(RED, 5)), "run of 5 pixels, only 4 left");
		assertRefused(tile(2, 2, new Tiles().plainRle(RED, 3, BLUE, 2)), "only 1 left");
		var endless = new Tiles().bytes(128, 0, 0, 0);
		for (int i = 0; i < 10_000; i++) {
			endless.bytes(255);
		}
		assertRefused(tile(64, 64, endless), "only 4096 left");
	}

	@Test
	void refusesPaletteIndicesBeyondThePalette() {
		assertRefused(tile(2, 1, new Tiles().packedPalette(new int[] { RED, BLUE, GREEN }, 0b0011_0000)),
				"palette index 3 of 3");
		assertRefused(tile(2, 1, new Tiles().paletteRle(new int[] { RED, BLUE }, 2, 1, 0, 1)),
				"palette index 2 of 2");
	}

	@Test
	void refusesUnusedSubencodings() {
		assertRefused(tile(1, 1, new Tiles().bytes(17)), "subencoding 17");
		assertRefused(tile(1, 1, new Tiles().bytes(129)), "subencoding 129");
	}

	@Test
	void refusesRectanglesWhoseDataEndsEarlyOrGoesOnAfterTheLastTile() {
		assertRefused(tile(2, 2, new Tiles().raw(RED, GREEN, BLUE)), "ends inside a tile");
		assertRefused(tile(1, 1, new Tiles().solid(RED).solid(BLUE)), "after its last tile");
		var updates = new Updates();
		var compressed = updates.compress(new Tiles().solid(RED).toByteArray());
		var cut = Arrays.copyOf(compressed, 3);
		assertRefused(Screens.of(1, 1, updates.update(1).zrleCompressed(0, 0, 1, 1, cut)), "ends inside a tile");
	}

	@Test
	void refusesDataThatIsNotZlibOrTooLongForItsRectangle() {
		assertRefused(Screens.of(1, 1, new Updates().update(1).zrleCompressed(0, 0, 1, 1, new byte[] { 1, 2, 3, 4 })),
				"not zlib");
		assertRefused(Screens.of(4, 4, new Updates().update(1).header(0, 0, 1, 1, 16).bytes(0x7f, 0, 0, 0)),
				"2130706432 compressed bytes");
		assertRefused(Screens.of(4, 4, new Updates().update(1).header(0, 0, 1, 1, 16).bytes(0xff, 0xff, 0xff, 0xff)),
				"4294967295 compressed bytes");
	}

	/** A 3 × 2 rectangle of one tile. */
	private static int[] decodeTile(Tiles tiles) throws Exception {
		var screen = Screens.of(3, 2, new Updates().update(1).zrle(0, 0, 3, 2, tiles.toByteArray()));
		screen.readAll();
		return screen.pixels();
	}

	private static Screens tile(int w, int h, Tiles tiles) {
		return Screens.of(w, h, new Updates().update(1).zrle(0, 0, w, h, tiles.toByteArray()));
	}
}
