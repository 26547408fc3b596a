package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RfbClientTests {

	@Test
	void sharesTheDesktopAndAsksForTrueColourInZrleCopyRectOrRaw() throws Exception {
		var desktop = new Desktop(handshake(1280, 720));

		try (var client = RfbClient.open(desktop, null)) {
			assertThat(client.name()).isEqualTo("cr-1");
			assertThat(client.framebuffer().width()).isEqualTo(1280);
			assertThat(client.framebuffer().height()).isEqualTo(720);
		}

		var sent = ByteBuffer.wrap(desktop.sent.toByteArray());
		assertThat(new String(sent.array(), 0, 12, StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
		assertThat(sent.get(12)).as("security None").isEqualTo((byte) 1);
		assertThat(sent.get(13)).as("shared").isEqualTo((byte) 1);
		var pixelFormat = ByteBuffer.wrap(sent.array(), 14, 20).slice();
		assertThat(pixelFormat.get(0)).as("SetPixelFormat").isZero();
		assertThat(pixelFormat.get(4)).as("bits per pixel").isEqualTo((byte) 32);
		assertThat(pixelFormat.get(5)).as("depth").isEqualTo((byte) 24);
		assertThat(pixelFormat.get(6)).as("big endian").isZero();
		assertThat(pixelFormat.get(7)).as("true colour").isEqualTo((byte) 1);
		assertThat(new int[] { pixelFormat.getShort(8), pixelFormat.getShort(10), pixelFormat.getShort(12),
				pixelFormat.get(14), pixelFormat.get(15), pixelFormat.get(16) })
			.containsExactly(255, 255, 255, 16, 8, 0);
		var encodings = ByteBuffer.wrap(sent.array(), 34, sent.limit() - 34).slice();
		assertThat(encodings.get(0)).as("SetEncodings").isEqualTo((byte) 2);
		assertThat(encodings.getShort(2)).isEqualTo((short) 4);
		assertThat(new int[] { encodings.getInt(4), encodings.getInt(8), encodings.getInt(12), encodings.getInt(16) })
			.containsExactly(16, 1, 0, -223);
		assertThat(encodings.limit()).isEqualTo(20);
	}

	@Test
	void requestsUpdatesOfTheWholeScreenAndAppliesThem() throws Exception {
		var updates = new Updates().update(1).raw(0, 0, 2, 1, 0x112233, 0x445566);
		var desktop = new Desktop(handshake(2, 1), updates.toByteArray());

		try (var client = RfbClient.open(desktop, null)) {
			desktop.sent.reset();
			client.requestUpdate(false);
			client.requestUpdate(true);

			assertThat(client.read()).isTrue();

			assertThat(client.framebuffer().rgb(1, 0)).isEqualTo(0x445566);
			assertThat(client.rectangles(Encoding.RAW)).isEqualTo(1);
			assertThat(client.bytesReceived()).isEqualTo(handshake(2, 1).length + updates.toByteArray().length);
		}
		assertThat(desktop.sent.toByteArray()).containsExactly(3, 0, 0, 0, 0, 0, 0, 2, 0, 1, 3, 1, 0, 0, 0, 0, 0, 2,
				0, 1);
		assertThat(desktop.isOpen()).isFalse();
	}

	@Test
	void afterTheScreenChangesSizeTheNextRequestAsksForTheWholeScreen() throws Exception {
		var updates = new Updates().update(1).desktopSize(3, 2);
		var desktop = new Desktop(handshake(2, 1), updates.toByteArray());

		try (var client = RfbClient.open(desktop, null)) {
			assertThat(client.read()).isTrue();
			desktop.sent.reset();
			client.requestUpdate(true);
			client.requestUpdate(true);
		}

		assertThat(desktop.sent.toByteArray()).as("a whole 3×2 screen, then what changed")
			.containsExactly(3, 0, 0, 0, 0, 0, 0, 3, 0, 2, 3, 1, 0, 0, 0, 0, 0, 3, 0, 2);
	}

	@Test
	void refusesADesktopLargerThanTheLimitsAndClosesTheChannel() {
		var desktop = new Desktop(handshake(600, 600));

		assertThatThrownBy(() -> RfbClient.open(desktop, null, Screens.SMALL)).isInstanceOf(RfbException.class)
			.hasMessageContaining("600×600");
		assertThat(desktop.isOpen()).isFalse();
	}

	private static byte[] handshake(int width, int height) {
		var out = new ByteArrayOutputStream();
		out.writeBytes("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(new byte[] { 1, 1, 0, 0, 0, 0 });
		var name = "cr-1".getBytes(StandardCharsets.UTF_8);
		out.writeBytes(ByteBuffer.allocate(24 + name.length).putShort((short) width).putShort((short) height)
			.put(new byte[] { 32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0 })
			.putInt(name.length).put(name).array());
		return out.toByteArray();
	}

	/** A desktop that has said everything in advance and records what the client sends. */
	static final class Desktop implements ByteChannel {

		private final ByteBuffer says;
		final ByteArrayOutputStream sent = new ByteArrayOutputStream();
		private boolean open = true;

		Desktop(byte[]... parts) {
			var all = new ByteArrayOutputStream();
			for (var part : parts) {
				all.writeBytes(part);
			}
			says = ByteBuffer.wrap(all.toByteArray());
		}

		@Override
		public int read(ByteBuffer dst) {
			if (!says.hasRemaining()) {
				return -1;
			}
			int n = Math.min(dst.remaining(), says.remaining());
			dst.put(says.slice(says.position(), n));
			says.position(says.position() + n);
			return n;
		}

		@Override
		public int write(ByteBuffer src) {
			int n = src.remaining();
			var bytes = new byte[n];
			src.get(bytes);
			sent.writeBytes(bytes);
			return n;
		}

		@Override
		public boolean isOpen() {
			return open;
		}

		@Override
		public void close() {
			open = false;
		}
	}
}
