package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ClientMessageFramerTests {

	private final ClientMessageFramer framer = new ClientMessageFramer(1024 * 1024);

	@Test
	void framesEveryMessageNoVncSends() throws Exception {
		for (var message : Messages.everyKind()) {
			var frame = framer.next(ByteBuffer.wrap(message.bytes()));
			assertThat(frame).as(message.kind().name()).isNotNull();
			assertThat(frame.kind()).isEqualTo(message.kind());
			assertThat(frame.length()).isEqualTo(message.bytes().length);
		}
	}

	@Test
	void waitsForTheRestOfAMessageSplitAnywhere() throws Exception {
		for (var message : Messages.everyKind()) {
			for (int cut = 0; cut < message.bytes().length; cut++) {
				var partial = ByteBuffer.wrap(message.bytes(), 0, cut);
				assertThat(framer.next(partial)).as(message.kind() + " cut at " + cut).isNull();
				assertThat(partial.position()).isZero();
			}
		}
	}

	@Test
	void marksKeysPointerClipboardAndScreenSizeAsInput() {
		assertThat(List.of(ClientMessageKind.values()).stream().filter(ClientMessageKind::input))
			.containsExactlyInAnyOrder(ClientMessageKind.KEY_EVENT, ClientMessageKind.POINTER_EVENT,
					ClientMessageKind.CLIENT_CUT_TEXT, ClientMessageKind.XVP, ClientMessageKind.SET_DESKTOP_SIZE,
					ClientMessageKind.QEMU);
	}

	@Test
	void reassemblesAnyStreamOfValidMessagesCutAtRandomPlaces() throws Exception {
		var random = new Random(20261123);
		for (int round = 0; round < 200; round++) {
			var sent = new ArrayList<ClientMessageKind>();
			var stream = new ByteArrayOutputStream();
			for (int i = 0; i < 50; i++) {
				var message = Messages.random(random);
				sent.add(message.kind());
				stream.write(message.bytes());
			}
			assertThat(frameInChunks(stream.toByteArray(), random)).isEqualTo(sent);
		}
	}

	@Test
	void refusesUnknownMessageTypes() {
		assertThatThrownBy(() -> framer.next(ByteBuffer.wrap(new byte[] { 7, 0, 0, 0 })))
			.isInstanceOf(RfbException.class).hasMessageContaining("type 7");
	}

	@Test
	void refusesClipboardBeyondTheLimitBeforeItArrives() {
		var small = new ClientMessageFramer(100);
		var header = ByteBuffer.allocate(8).put((byte) 6).position(4).putInt(101).flip();
		assertThatThrownBy(() -> small.next(header)).isInstanceOf(RfbException.class)
			.hasMessageContaining("101 bytes");
		var extended = ByteBuffer.allocate(8).put((byte) 6).position(4).putInt(-101).flip();
		assertThatThrownBy(() -> small.next(extended)).isInstanceOf(RfbException.class);
		var minimum = ByteBuffer.allocate(8).put((byte) 6).position(4).putInt(Integer.MIN_VALUE).flip();
		assertThatThrownBy(() -> small.next(minimum)).isInstanceOf(RfbException.class);
	}

	@Test
	void refusesOversizedEncodingListsFencesAndScreenLayouts() {
		var encodings = ByteBuffer.allocate(4).put((byte) 2).put((byte) 0).putShort((short) 60000).flip();
		assertThatThrownBy(() -> framer.next(encodings)).isInstanceOf(RfbException.class);
		var fence = ByteBuffer.allocate(9).put((byte) 248).position(8).put((byte) 65).flip();
		assertThatThrownBy(() -> framer.next(fence)).isInstanceOf(RfbException.class);
		var screens = ByteBuffer.allocate(8).put((byte) 251).position(6).put((byte) 0).position(8).flip();
		assertThatThrownBy(() -> framer.next(screens)).isInstanceOf(RfbException.class);
		var qemu = ByteBuffer.wrap(new byte[] { (byte) 255, 9 });
		assertThatThrownBy(() -> framer.next(qemu)).isInstanceOf(RfbException.class);
	}

	private List<ClientMessageKind> frameInChunks(byte[] stream, Random random) throws RfbException {
		var kinds = new ArrayList<ClientMessageKind>();
		var buffer = ByteBuffer.allocate(stream.length);
		int fed = 0;
		buffer.flip();
		while (fed < stream.length || buffer.hasRemaining()) {
			int chunk = Math.min(stream.length - fed, 1 + random.nextInt(40));
			buffer.compact().put(stream, fed, chunk).flip();
			fed += chunk;
			for (var frame = framer.next(buffer); frame != null; frame = framer.next(buffer)) {
				kinds.add(frame.kind());
				buffer.position(buffer.position() + frame.length());
			}
			if (fed == stream.length && buffer.hasRemaining()) {
				throw new AssertionError("bytes left over: " + buffer.remaining());
			}
		}
		return kinds;
	}
}
