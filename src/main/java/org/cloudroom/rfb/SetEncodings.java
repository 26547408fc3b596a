package org.cloudroom.rfb;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A client's SetEncodings message (RFC 6143, section 7.5.2): the encodings and pseudo-encodings it accepts, most
 * preferred first. Read from a whole message as {@link ClientMessageFramer} frames it, and written back after the
 * gateway took some out or added its own.
 */
public final class SetEncodings {

	/** The client asks for updates without requesting each one (the ContinuousUpdates extension). */
	public static final int CONTINUOUS_UPDATES = -313;

	/** The client understands screen layouts and may ask for a screen size (ExtendedDesktopSize). */
	public static final int EXTENDED_DESKTOP_SIZE = -308;

	private final int[] encodings;

	private SetEncodings(int[] encodings) {
		this.encodings = encodings;
	}

	/** The encodings of a whole SetEncodings message, from its position; the buffer is not moved. */
	public static SetEncodings of(ByteBuffer message) {
		int start = message.position();
		int count = Short.toUnsignedInt(message.getShort(start + 2));
		var encodings = new int[count];
		for (int i = 0; i < count; i++) {
			encodings[i] = message.getInt(start + 4 + 4 * i);
		}
		return new SetEncodings(encodings);
	}

	public static SetEncodings of(int... encodings) {
		return new SetEncodings(encodings.clone());
	}

	public boolean lists(int encoding) {
		return Arrays.stream(encodings).anyMatch(listed -> listed == encoding);
	}

	/** These encodings without the ones the test picks, in the same order. */
	public SetEncodings without(IntPredicate dropped) {
		return new SetEncodings(Arrays.stream(encodings).filter(dropped.negate()).toArray());
	}

	/** These encodings with one more, least preferred. */
	public SetEncodings with(int encoding) {
		var more = Arrays.copyOf(encodings, encodings.length + 1);
		more[encodings.length] = encoding;
		return new SetEncodings(more);
	}

	/** The message, ready to send. */
	public ByteBuffer message() {
		var message = ByteBuffer.allocate(4 + 4 * encodings.length);
		message.put((byte) ClientMessageKind.SET_ENCODINGS.type()).put((byte) 0).putShort((short) encodings.length);
		for (int encoding : encodings) {
			message.putInt(encoding);
		}
		return message.flip();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SetEncodings that && Arrays.equals(encodings, that.encodings);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(encodings);
	}

	@Override
	public String toString() {
		return "SetEncodings" + Arrays.toString(encodings);
	}
}
