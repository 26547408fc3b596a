package org.cloudroom.gateway;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.rfb.ClientMessageFramer;
import org.cloudroom.rfb.ClientMessageKind;
import org.cloudroom.rfb.RfbException;
import org.cloudroom.rfb.RfbHandshake;
import org.cloudroom.status.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One browser connected to one desktop. A virtual thread does both handshakes, then reads the browser's bytes
 * message by message and passes on what the connection's mode allows; a second thread forwards the desktop's bytes
 * to the browser as they come, a megabyte at most per WebSocket message.
 */
final class Relay {

	private static final Logger log = LoggerFactory.getLogger(Relay.class);
	private static final int DESKTOP_CHUNK = 1024 * 1024;
	private static final int EXTENDED_DESKTOP_SIZE = -308;

	private final WebSocketSession session;
	private final UUID desktop;
	private final CloudroomUser user;
	private final Mode mode;
	private final Desktops desktops;
	private final StudyMeter meter;
	private final ClientMessageFramer framer;
	private final int maxMessage;
	private final InboundStream inbound = new InboundStream(10_000);
	private final Runnable onConnected;
	private volatile SocketChannel channel;
	private boolean screensAnnounced;
	private volatile boolean locked;

	Relay(WebSocketSession session, UUID desktop, CloudroomUser user, Mode mode, Desktops desktops, StudyMeter meter,
			int maxCutText) {
		this(session, desktop, user, mode, desktops, meter, maxCutText, () -> {
		});
	}

	Relay(WebSocketSession session, UUID desktop, CloudroomUser user, Mode mode, Desktops desktops, StudyMeter meter,
			int maxCutText, Runnable onConnected) {
		this.onConnected = onConnected;
		this.session = session;
		this.desktop = desktop;
		this.user = user;
		this.mode = mode;
		this.desktops = desktops;
		this.meter = meter;
		this.framer = new ClientMessageFramer(maxCutText);
		this.maxMessage = maxCutText + 16;
	}

	void start() {
		Thread.ofVirtual().name("relay-" + desktop).start(this::run);
	}

	void fromBrowser(ByteBuffer payload) {
		inbound.offer(payload);
	}

	/** Drops every input message from now on (a locked screen), or passes it on again. */
	void lock(boolean locked) {
		this.locked = locked;
	}

	/** Ends the connection from the server's side, with the status the browser sees. */
	void end(CloseStatus status) {
		close(status);
		browserLeft();
	}

	void browserLeft() {
		inbound.end();
		closeChannel();
	}

	private void run() {
		boolean counted = false;
		try {
			var reached = desktops.connect(desktop);
			var connection = reached.channel();
			channel = connection;
			var init = RfbHandshake.connectDesktop(new DataInputStream(Channels.newInputStream(connection)),
					Channels.newOutputStream(connection), reached.vncPassword());
			var toBrowser = new MessageOutput();
			RfbHandshake.acceptBrowser(new DataInputStream(inbound), toBrowser);
			toBrowser.write(init.bytes());
			toBrowser.flush();
			desktops.connected(desktop);
			counted = true;
			onConnected.run();
			// The bulk direction gets a platform thread: measured against a virtual one, it kept up with
			// websockify where the virtual thread fell behind (docs/BENCHMARKS.md). Input stays virtual.
			Thread.ofPlatform().daemon().name("relay-" + desktop + "-out").start(this::desktopToBrowser);
			browserToDesktop(connection);
		}
		catch (RfbException e) {
			log.info("Closed {}'s connection to desktop {}: {}", user.username(), desktop, e.getMessage());
			close(new CloseStatus(Status.BAD_REQUEST.webSocket(), "protocol error"));
		}
		catch (IOException e) {
			log.debug("Connection of {} to desktop {} ended: {}", user.username(), desktop, e.getMessage());
			close(CloseStatus.GOING_AWAY);
		}
		finally {
			closeChannel();
			if (counted) {
				desktops.disconnected(desktop);
			}
		}
	}

	/** Frames each client message and writes exactly its bytes on, unless the mode drops it. */
	private void browserToDesktop(SocketChannel connection) throws IOException {
		var pending = ByteBuffer.allocate(64 * 1024);
		for (var message = inbound.nextMessage(); message != null; message = inbound.nextMessage()) {
			if (pending.remaining() < message.remaining()) {
				int needed = pending.position() + message.remaining();
				if (needed > maxMessage) {
					throw new RfbException("a client message of more than " + maxMessage + " bytes");
				}
				pending = ByteBuffer.allocate(Math.max(needed, pending.capacity() * 2)).put(pending.flip());
			}
			pending.put(message).flip();
			for (var frame = framer.next(pending); frame != null; frame = framer.next(pending)) {
				int end = pending.position() + frame.length();
				boolean control = mode == Mode.CONTROL && !locked;
				var bytes = pending.slice(pending.position(), frame.length());
				if (frame.kind() == ClientMessageKind.SET_ENCODINGS) {
					screensAnnounced = announces(bytes, EXTENDED_DESKTOP_SIZE);
				}
				// TigerVNC 1.12's Xvnc crashes on a SetDesktopSize from a client that never asked for
				// ExtendedDesktopSize; noVNC always asks first, so only a broken or hostile client is refused.
				boolean screenSizeAllowed = frame.kind() != ClientMessageKind.SET_DESKTOP_SIZE || screensAnnounced;
				if (!screenSizeAllowed) {
					log.info("Dropped {}'s SetDesktopSize to desktop {}: ExtendedDesktopSize was never asked for",
							user.username(), desktop);
				}
				if ((control || !frame.kind().input()) && screenSizeAllowed) {
					while (bytes.hasRemaining()) {
						connection.write(bytes);
					}
				}
				if (frame.kind() == ClientMessageKind.KEY_EVENT || frame.kind() == ClientMessageKind.POINTER_EVENT) {
					if (control) {
						meter.input(user.id(), user.school());
					}
				}
				pending.position(end);
			}
			pending.compact();
		}
	}

	/** Whether a SetEncodings message lists the encoding. */
	private static boolean announces(ByteBuffer setEncodings, int encoding) {
		int count = Short.toUnsignedInt(setEncodings.getShort(2));
		for (int i = 0; i < count; i++) {
			if (setEncodings.getInt(4 + 4 * i) == encoding) {
				return true;
			}
		}
		return false;
	}

	private void desktopToBrowser() {
		var buffer = ByteBuffer.allocateDirect(DESKTOP_CHUNK);
		try {
			var connection = channel;
			while (connection.read(buffer) >= 0) {
				buffer.flip();
				session.sendMessage(new BinaryMessage(buffer, true));
				buffer.clear();
			}
			close(new CloseStatus(1000, "desktop-ended"));
		}
		catch (IOException | IllegalStateException e) {
			close(CloseStatus.GOING_AWAY);
		}
		finally {
			inbound.end();
		}
	}

	private void close(CloseStatus status) {
		try {
			if (session.isOpen()) {
				session.close(status);
			}
		}
		catch (IOException e) {
			log.debug("Closing WebSocket: {}", e.getMessage());
		}
	}

	private void closeChannel() {
		var connection = channel;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (IOException e) {
				log.debug("Closing desktop connection: {}", e.getMessage());
			}
		}
	}

	/** Collects the handshake's bytes and sends them to the browser as one binary message per flush. */
	private final class MessageOutput extends OutputStream {

		private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

		@Override
		public void write(int b) {
			bytes.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			bytes.write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			if (bytes.size() > 0) {
				session.sendMessage(new BinaryMessage(bytes.toByteArray()));
				bytes.reset();
			}
		}
	}
}
