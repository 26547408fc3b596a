package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.cloudroom.rfb.ClientMessageKind;
import org.cloudroom.rfb.RfbException;
import org.junit.jupiter.api.Test;

/** The browser's WebSocket messages become whole RFB client messages, however they were cut. */
class BrowserMessagesTests {

	private static final byte[] KEY = { 4, 1, 0, 0, 0, 0, 0, 0x61 };
	private static final byte[] POINTER = { 5, 0, 0, 10, 0, 20 };

	@Test
	void joinsAMessageCutInTwoAndSplitsTwoSentAsOne() throws Exception {
		var inbound = new InboundStream(1000);
		inbound.offer(ByteBuffer.wrap(KEY, 0, 3));
		inbound.offer(ByteBuffer.wrap(concat(Arrays.copyOfRange(KEY, 3, 8), POINTER)));
		inbound.end();
		var messages = new BrowserMessages(inbound, 1024);

		var first = messages.next();
		assertThat(first.kind()).isEqualTo(ClientMessageKind.KEY_EVENT);
		assertThat(bytes(first.bytes())).isEqualTo(KEY);
		var second = messages.next();
		assertThat(second.kind()).isEqualTo(ClientMessageKind.POINTER_EVENT);
		assertThat(bytes(second.bytes())).isEqualTo(POINTER);
		assertThat(messages.next()).isNull();
	}

	@Test
	void refusesAMessageLongerThanTheClipboardAllows() {
		var inbound = new InboundStream(1000);
		var cutText = ByteBuffer.allocate(8 + 64).put((byte) 6).position(4).putInt(64).position(0);
		inbound.offer(cutText);
		inbound.end();

		assertThatThrownBy(() -> new BrowserMessages(inbound, 32).next()).isInstanceOf(RfbException.class);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		var both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static byte[] bytes(ByteBuffer buffer) {
		var copy = new byte[buffer.remaining()];
		buffer.duplicate().get(copy);
		return copy;
	}
}
