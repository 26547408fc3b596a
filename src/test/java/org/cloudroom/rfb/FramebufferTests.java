package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FramebufferTests {

	@Test
	void scaledCopyAveragesEachBoxAndKeepsTheAspect() {
		var framebuffer = new Framebuffer(4, 2);
		framebuffer.put(0, 0, 4, 2, new int[] {
				0xff0000, 0x000000, 0x0000ff, 0x0000ff,
				0xff0000, 0x000000, 0x0000ff, 0x0000ff });
		framebuffer.changed();

		var scaled = framebuffer.scaled(2);

		assertThat(scaled.width()).isEqualTo(2);
		assertThat(scaled.height()).isEqualTo(1);
		assertThat(scaled.rgb()).containsExactly(0x7f0000, 0x0000ff);
		assertThat(scaled.version()).isEqualTo(1);
	}

	@Test
	void theSameSizeAgainKeepsThePicture() {
		var framebuffer = new Framebuffer(2, 2);
		framebuffer.put(0, 0, 2, 2, new int[] { 0x2f7de1, 0x2f7de1, 0xffffff, 0xffffff });
		framebuffer.scaled(2);

		framebuffer.resize(2, 2);

		assertThat(framebuffer.scaled(2).rgb()).containsExactly(0x2f7de1, 0x2f7de1, 0xffffff, 0xffffff);
	}

	@Test
	void aNewSizeKeepsWhatStillFitsUntilTheNewScreenArrives() {
		var framebuffer = new Framebuffer(3, 2);
		framebuffer.put(0, 0, 3, 2, new int[] { 1, 2, 3, 4, 5, 6 });

		framebuffer.resize(2, 3);

		assertThat(framebuffer.width()).isEqualTo(2);
		assertThat(framebuffer.scaled(2).rgb()).containsExactly(1, 2, 4, 5, 0, 0);
	}

	@Test
	void neverScalesUpNorToNothing() {
		var framebuffer = new Framebuffer(1280, 3);

		assertThat(framebuffer.scaled(320)).extracting(Framebuffer.Snapshot::width, Framebuffer.Snapshot::height)
			.containsExactly(320, 1);
		assertThat(new Framebuffer(100, 50).scaled(320)).extracting(Framebuffer.Snapshot::width,
				Framebuffer.Snapshot::height).containsExactly(100, 50);
	}

	@Test
	void scaledCopyRedoneWhereChangedEqualsOneScaledAfresh() {
		var random = new Random(11);
		for (int round = 0; round < 40; round++) {
			int width = 1 + random.nextInt(700);
			int height = 1 + random.nextInt(300);
			int target = 1 + random.nextInt(width + 10);
			var kept = new Framebuffer(width, height);
			for (int change = 0; change < 6; change++) {
				int w = 1 + random.nextInt(Math.min(width, 40));
				int h = 1 + random.nextInt(Math.min(height, 40));
				int x = random.nextInt(width - w + 1);
				int y = random.nextInt(height - h + 1);
				if (random.nextBoolean()) {
					kept.put(x, y, w, h, RfbClientPropertyTests.picture(random, w, h));
				}
				else {
					kept.copy(random.nextInt(width - w + 1), random.nextInt(height - h + 1), x, y, w, h);
				}
				var incremental = kept.scaled(target);

				var fresh = new Framebuffer(width, height);
				fresh.put(0, 0, width, height, everyPixel(kept));
				assertThat(incremental.rgb()).as("round %d, change %d", round, change)
					.isEqualTo(fresh.scaled(target).rgb());
			}
		}
	}

	private static int[] everyPixel(Framebuffer framebuffer) {
		var all = new int[framebuffer.width() * framebuffer.height()];
		for (int i = 0; i < all.length; i++) {
			all[i] = framebuffer.rgb(i % framebuffer.width(), i / framebuffer.width());
		}
		return all;
	}
}
