package org.cloudroom.rfb;

import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;

/**
 * Finds where each client-to-server message begins and ends, without copying: a gateway reads into a buffer, asks
 * for the next frame, and forwards or drops exactly those bytes. Anything malformed or beyond the limits is an
 * {@link RfbException}; the framer never reads past the buffer's limit nor moves its position.
 */
public final class ClientMessageFramer {

	/** One whole message: its kind and its length in bytes, starting at the buffer's position. */
	public record Frame(ClientMessageKind kind, int length) {
	}

	/** No more than this many encodings in a SetEncodings (noVNC sends about 20). */
	static final int MAX_ENCODINGS = 512;
	/** No more than this many screens in a SetDesktopSize. */
	static final int MAX_SCREENS = 16;
	/** The fence payload is at most 64 bytes (RFB community extensions). */
	static final int MAX_FENCE = 64;

	private final int maxCutText;

	/** @param maxCutText the largest clipboard text a client may send, in bytes */
	public ClientMessageFramer(int maxCutText) {
		this.maxCutText = maxCutText;
	}

	/**
	 * The message at the buffer's position, or {@code null} when the buffer does not hold all of it yet.
	 *
	 * @throws RfbException if the bytes cannot be a valid message
	 */
	public @Nullable Frame next(ByteBuffer buffer) throws RfbException {
		int at = buffer.position();
		int available = buffer.remaining();
		if (available < 1) {
			return null;
		}
		int type = buffer.get(at) & 0xff;
		var kind = ClientMessageKind.of(type);
		if (kind == null) {
			throw new RfbException("unknown client message type " + type);
		}
		long length = switch (kind) {
			case SET_PIXEL_FORMAT -> 20;
			case SET_ENCODINGS -> available < 4 ? -1 : encodings(buffer.getShort(at + 2) & 0xffff);
			case FRAMEBUFFER_UPDATE_REQUEST, ENABLE_CONTINUOUS_UPDATES -> 10;
			case KEY_EVENT -> 8;
			case POINTER_EVENT -> 6;
			case CLIENT_CUT_TEXT -> available < 8 ? -1 : cutText(buffer.getInt(at + 4));
			case CLIENT_FENCE -> available < 9 ? -1 : fence(buffer.get(at + 8) & 0xff);
			case XVP -> 4;
			case SET_DESKTOP_SIZE -> available < 8 ? -1 : screens(buffer.get(at + 6) & 0xff);
			case QEMU -> available < 2 ? -1 : qemu(buffer, at, available);
		};
		if (length < 0 || length > available) {
			return null;
		}
		return new Frame(kind, (int) length);
	}

	private static long encodings(int count) throws RfbException {
		if (count > MAX_ENCODINGS) {
			throw new RfbException("SetEncodings with " + count + " encodings");
		}
		return 4L + 4L * count;
	}

	/** A negative length is the extended clipboard format: that many bytes follow, as a positive number. */
	private long cutText(int declared) throws RfbException {
		long size = Math.abs((long) declared);
		if (size > maxCutText) {
			throw new RfbException("clipboard text of " + size + " bytes, more than " + maxCutText);
		}
		return 8L + size;
	}

	private static long fence(int payload) throws RfbException {
		if (payload > MAX_FENCE) {
			throw new RfbException("fence payload of " + payload + " bytes");
		}
		return 9L + payload;
	}

	private static long screens(int count) throws RfbException {
		if (count == 0 || count > MAX_SCREENS) {
			throw new RfbException("SetDesktopSize with " + count + " screens");
		}
		return 8L + 16L * count;
	}

	/** QEMU messages: 0 is the extended key event; 1 is audio (enable, disable, or set the format). */
	private static long qemu(ByteBuffer buffer, int at, int available) throws RfbException {
		int subtype = buffer.get(at + 1) & 0xff;
		if (subtype == 0) {
			return 12;
		}
		if (subtype == 1) {
			if (available < 4) {
				return -1;
			}
			int operation = buffer.getShort(at + 2) & 0xffff;
			return switch (operation) {
				case 0, 1 -> 4;
				case 2 -> 10;
				default -> throw new RfbException("QEMU audio operation " + operation);
			};
		}
		throw new RfbException("QEMU message subtype " + subtype);
	}
}
