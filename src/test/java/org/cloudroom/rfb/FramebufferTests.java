package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;

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
	void neverScalesUpNorToNothing() {
		var framebuffer = new Framebuffer(1280, 3);

		assertThat(framebuffer.scaled(320)).extracting(Framebuffer.Snapshot::width, Framebuffer.Snapshot::height)
			.containsExactly(320, 1);
		assertThat(new Framebuffer(100, 50).scaled(320)).extracting(Framebuffer.Snapshot::width,
				Framebuffer.Snapshot::height).containsExactly(100, 50);
	}
}
