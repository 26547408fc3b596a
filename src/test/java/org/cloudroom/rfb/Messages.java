package org.cloudroom.rfb;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/** Valid client messages of every kind, built as RFC 6143 and noVNC lay them out. */
final class Messages {

	record Message(ClientMessageKind kind, byte[] bytes) {
	}

	private Messages() {
	}

	static List<Message> everyKind() {
		return List.of(setPixelFormat(), setEncodings(3), updateRequest(), key(0xff0d, true), pointer(1, 100, 200),
				cutText("你好 hello"), extendedCutText(12), continuousUpdates(), fence(4), xvp(), desktopSize(2),
				qemuKey(), qemuAudio(0), qemuAudio(2));
	}

	static Message random(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> setEncodings(random.nextInt(30));
			case 1 -> updateRequest();
			case 2 -> key(random.nextInt(0xffff), random.nextBoolean());
			case 3 -> pointer(random.nextInt(8), random.nextInt(1920), random.nextInt(1080));
			case 4 -> cutText("x".repeat(random.nextInt(300)));
			case 5 -> fence(random.nextInt(65));
			case 6 -> desktopSize(1 + random.nextInt(16));
			default -> qemuKey();
		};
	}

	static Message setPixelFormat() {
		return message(ClientMessageKind.SET_PIXEL_FORMAT, ByteBuffer.allocate(20).put((byte) 0));
	}

	static Message setEncodings(int count) {
		var b = ByteBuffer.allocate(4 + 4 * count).put((byte) 2).put((byte) 0).putShort((short) count);
		for (int i = 0; i < count; i++) {
			b.putInt(-i);
		}
		return message(ClientMessageKind.SET_ENCODINGS, b);
	}

	static Message updateRequest() {
		return message(ClientMessageKind.FRAMEBUFFER_UPDATE_REQUEST,
				ByteBuffer.allocate(10).put((byte) 3).put((byte) 1).putShort((short) 0).putShort((short) 0)
					.putShort((short) 1280).putShort((short) 720));
	}

	static Message key(int keysym, boolean down) {
		return message(ClientMessageKind.KEY_EVENT,
				ByteBuffer.allocate(8).put((byte) 4).put((byte) (down ? 1 : 0)).putShort((short) 0).putInt(keysym));
	}

	static Message pointer(int buttons, int x, int y) {
		return message(ClientMessageKind.POINTER_EVENT,
				ByteBuffer.allocate(6).put((byte) 5).put((byte) buttons).putShort((short) x).putShort((short) y));
	}

	static Message cutText(String text) {
		var bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		return message(ClientMessageKind.CLIENT_CUT_TEXT,
				ByteBuffer.allocate(8 + bytes.length).put((byte) 6).position(4).putInt(bytes.length).put(bytes));
	}

	static Message extendedCutText(int size) {
		return message(ClientMessageKind.CLIENT_CUT_TEXT,
				ByteBuffer.allocate(8 + size).put((byte) 6).position(4).putInt(-size).position(8 + size));
	}

	static Message continuousUpdates() {
		return message(ClientMessageKind.ENABLE_CONTINUOUS_UPDATES, ByteBuffer.allocate(10).put((byte) 150));
	}

	static Message fence(int payload) {
		return message(ClientMessageKind.CLIENT_FENCE,
				ByteBuffer.allocate(9 + payload).put((byte) 248).position(8).put((byte) payload).position(9 + payload));
	}

	static Message xvp() {
		return message(ClientMessageKind.XVP, ByteBuffer.allocate(4).put((byte) 250).put((byte) 0).put((byte) 1)
			.put((byte) 2));
	}

	static Message desktopSize(int screens) {
		return message(ClientMessageKind.SET_DESKTOP_SIZE, ByteBuffer.allocate(8 + 16 * screens).put((byte) 251)
			.position(6).put((byte) screens).position(8 + 16 * screens));
	}

	static Message qemuKey() {
		return message(ClientMessageKind.QEMU, ByteBuffer.allocate(12).put((byte) 255).put((byte) 0)
			.putShort((short) 1).putInt(0x61).putInt(30));
	}

	static Message qemuAudio(int operation) {
		int length = operation == 2 ? 10 : 4;
		return message(ClientMessageKind.QEMU, ByteBuffer.allocate(length).put((byte) 255).put((byte) 1)
			.putShort((short) operation).position(length));
	}

	private static Message message(ClientMessageKind kind, ByteBuffer filled) {
		return new Message(kind, filled.array());
	}
}
