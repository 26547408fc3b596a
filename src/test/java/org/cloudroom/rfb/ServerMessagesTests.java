package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerMessagesTests {

	private static final int RED = 0xff0000;
	private static final int GREEN = 0x00ff00;
	private static final int BLUE = 0x0000ff;
	private static final int WHITE = 0xffffff;

	@Test
	void rawRectanglePaintsItsPixelsInPlace() throws Exception {
		var screen = Screens.of(4, 3, new Updates().update(1).raw(1, 1, 2, 2, RED, GREEN, BLUE, WHITE));

		assertThat(screen.readAll()).isEqualTo(1);

		assertThat(screen.pixels()).containsExactly(
				0, 0, 0, 0,
				0, RED, GREEN, 0,
				0, BLUE, WHITE, 0);
		assertThat(screen.rectangles(Encoding.RAW)).isEqualTo(1);
	}

	@Test
	void copyRectMovesPixelsEvenOntoThemselves() throws Exception {
		var screen = Screens.of(3, 3, new Updates().update(1).raw(0, 0, 3, 3,
				1, 2, 3,
				4, 5, 6,
				7, 8, 9).update(1).copyRect(1, 1, 2, 2, 0, 0).update(1).copyRect(0, 0, 2, 2, 1, 1));

		screen.readAll();

		// the first copy makes 1 2 3 / 4 1 2 / 7 4 5 only when it copies the bottom row first
		assertThat(screen.pixels()).containsExactly(
				1, 2, 3,
				4, 5, 2,
				7, 4, 5);
		assertThat(screen.rectangles(Encoding.COPY_RECT)).isEqualTo(2);
	}

	@Test
	void desktopSizeGivesALargerFramebufferKeepingWhatWasOnIt() throws Exception {
		var screen = Screens.of(2, 2, new Updates().update(2).raw(0, 0, 1, 1, RED).desktopSize(5, 4));

		screen.readAll();

		assertThat(screen.framebuffer.width()).isEqualTo(5);
		assertThat(screen.framebuffer.height()).isEqualTo(4);
		assertThat(screen.pixels()).hasSize(20).containsOnlyOnce(RED).startsWith(RED, 0, 0, 0, 0);
	}

	@Test
	void bellClipboardAndColourMapAreReadPastButChangeNothing() throws Exception {
		var screen = Screens.of(2, 1, new Updates().bell().cutText(12).cutText(-5)
			.bytes(1, 0, 0, 0, 0, 2).bytes(new int[12]).update(1).raw(0, 0, 1, 1, BLUE));

		assertThat(screen.readAll()).isEqualTo(1);

		assertThat(screen.pixels()).containsExactly(BLUE, 0);
	}

	@Test
	void versionGrowsWithEveryUpdateThatHasRectangles() throws Exception {
		var screen = Screens.of(2, 1, new Updates().update(0).update(1).raw(0, 0, 1, 1, RED).update(0));

		assertThat(screen.readAll()).isEqualTo(3);

		assertThat(screen.framebuffer.version()).isEqualTo(1);
	}

	@Test
	void refusesRectanglesReachingOutsideTheFramebuffer() {
		assertRefused(Screens.of(4, 4, new Updates().update(1).header(3, 0, 2, 1, 0)), "outside the 4×4");
		assertRefused(Screens.of(4, 4, new Updates().update(1).header(0, 65535, 1, 1, 0)), "outside");
		assertRefused(Screens.of(4, 4, new Updates().update(1).copyRect(0, 0, 2, 2, 3, 3)), "outside");
		assertRefused(Screens.of(4, 4, new Updates().update(1).header(0, 0, 65535, 65535, 16)), "outside");
	}

	@Test
	void refusesEncodingsAndMessagesItDidNotAskFor() {
		assertRefused(Screens.of(4, 4, new Updates().update(1).header(0, 0, 1, 1, 7)), "encoding 7");
		assertRefused(Screens.of(4, 4, new Updates().update(1).header(0, 0, 1, 1, -239)), "encoding -239");
		assertRefused(Screens.of(4, 4, new Updates().bytes(150)), "message type 150");
	}

	@Test
	void refusesAFramebufferBeyondTheLimits() {
		assertRefused(Screens.of(4, 4, new Updates().update(1).desktopSize(513, 10)), "513×10");
		assertRefused(Screens.of(4, 4, new Updates().update(1).desktopSize(512, 512)), "512×512");
		assertRefused(Screens.of(4, 4, new Updates().update(1).desktopSize(0, 10)), "0×10");
	}

	@Test
	void refusesClipboardTextBeyondTheLimitBeforeReadingIt() {
		var huge = new Updates().bytes(3, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff);
		assertRefused(Screens.of(4, 4, huge), "clipboard text of 2147483647 bytes");
		var extended = new Updates().bytes(3, 0, 0, 0, 0x80, 0, 0, 0);
		assertRefused(Screens.of(4, 4, extended), "clipboard text of 2147483648 bytes");
	}

	static void assertRefused(Screens screen, String reason) {
		assertThatThrownBy(screen::readAll).isInstanceOf(RfbException.class).hasMessageContaining(reason);
	}
}
