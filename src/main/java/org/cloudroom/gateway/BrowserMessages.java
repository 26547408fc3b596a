package org.cloudroom.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.cloudroom.rfb.ClientMessageFramer;
import org.cloudroom.rfb.ClientMessageKind;
import org.cloudroom.rfb.RfbException;
import org.jspecify.annotations.Nullable;

/**
 * The browser's bytes after the handshake, cut into whole RFB client messages: a WebSocket message may carry part of
 * one, or several. A client message longer than the limit ends the connection.
 */
final class BrowserMessages {

	/** One client message; its bytes are valid until the next one is asked for. */
	record Message(ClientMessageKind kind, ByteBuffer bytes) {
	}

	private final InboundStream inbound;
	private final ClientMessageFramer framer;
	private final int maxMessage;
	private ByteBuffer pending = ByteBuffer.allocate(64 * 1024).flip();

	BrowserMessages(InboundStream inbound, int maxCutText) {
		this.inbound = inbound;
		this.framer = new ClientMessageFramer(maxCutText);
		this.maxMessage = maxCutText + 16;
	}

	/** The next whole message, waiting for the browser's bytes as long as it takes; {@code null} at the end. */
	@Nullable Message next() throws IOException {
		var frame = framer.next(pending);
		while (frame == null) {
			var more = inbound.nextMessage();
			if (more == null) {
				return null;
			}
			append(more);
			frame = framer.next(pending);
		}
		var bytes = pending.slice(pending.position(), frame.length());
		pending.position(pending.position() + frame.length());
		return new Message(frame.kind(), bytes);
	}

	private void append(ByteBuffer more) throws RfbException {
		pending.compact();
		if (pending.remaining() < more.remaining()) {
			int needed = pending.position() + more.remaining();
			if (needed > maxMessage) {
				throw new RfbException("a client message of more than " + maxMessage + " bytes");
			}
			pending = ByteBuffer.allocate(Math.max(needed, pending.capacity() * 2)).put(pending.flip());
		}
		pending.put(more).flip();
	}
}
