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
import org.cloudroom.rfb.ClientMessageKind;
import org.cloudroom.rfb.RfbException;
import org.cloudroom.rfb.RfbHandshake;
import org.cloudroom.rfb.SetEncodings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One browser connected to one desktop. A virtual thread does both handshakes, then reads the browser's bytes
 * message by message and passes on what the connection's mode allows; a second thread forwards the desktop's bytes
 * to the browser as they come, a megabyte at most per WebSocket message.
 */
final class Relay {

	private static final Logger log = LoggerFactory.getLogger(Relay.class);
	private static final int DESKTOP_CHUNK = 1024 * 1024;

	private final WebSocketSession session;
	private final UUID desktop;
	private final CloudroomUser user;
	private final Desktops desktops;
	private final StudyMeter meter;
	private final InputPolicy policy;
	private final int maxCutText;
	private final InboundStream inbound = new InboundStream(10_000);
	private final Runnable onConnected;
	private final Uplinks uplinks;
	private final Object writing = new Object();
	private final boolean adaptive;
	private final ContentEncoding encoding;
	private volatile SocketChannel channel;
	private volatile @Nullable ByteBuffer wholeScreen;

	Relay(WebSocketSession session, UUID desktop, CloudroomUser user, Mode mode, Desktops desktops, StudyMeter meter,
			int maxCutText, Uplinks uplinks, EncodingSettings encoding, Runnable onConnected) {
		this.encoding = new ContentEncoding(encoding, uplinks.clock());
		this.adaptive = encoding.adaptive();
		this.onConnected = onConnected;
		this.uplinks = uplinks;
		this.session = session;
		this.desktop = desktop;
		this.user = user;
		this.desktops = desktops;
		this.meter = meter;
		this.policy = new InputPolicy(mode);
		this.maxCutText = maxCutText;
	}

	void start() {
		Thread.ofVirtual().name("relay-" + desktop).start(this::run);
	}

	void fromBrowser(ByteBuffer payload) {
		inbound.offer(payload);
	}

	/** Drops every input message from now on (a locked screen), or passes it on again. */
	void lock(boolean locked) {
		policy.lock(locked);
	}

	/** Ends the connection from the server's side, with the status the browser sees. */
	void end(Ending ending) {
		close(ending);
		browserLeft();
	}

	void browserLeft() {
		inbound.end();
		closeChannel();
	}

	private void run() {
		boolean counted = false;
		var seat = uplinks.join(user.school());
		var pacing = new FramePacing(seat, this::forward);
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
			Thread.ofPlatform().daemon().name("relay-" + desktop + "-out").start(() -> desktopToBrowser(seat));
			if (adaptive) {
				Thread.ofVirtual().name("relay-" + desktop + "-encoding")
					.start(() -> followContent(pacing, seat.paced()));
			}
			browserToDesktop(pacing, seat.paced());
		}
		catch (RfbException e) {
			log.info("Closed {}'s connection to desktop {}: {}", user.username(), desktop, e.getMessage());
			close(Ending.PROTOCOL_ERROR);
		}
		catch (IOException e) {
			log.debug("Connection of {} to desktop {} ended: {}", user.username(), desktop, e.getMessage());
			close(Ending.CONNECTION_LOST);
		}
		finally {
			encoding.end();
			pacing.end();
			seat.leave();
			closeChannel();
			if (counted) {
				desktops.disconnected(desktop);
			}
		}
	}

	/**
	 * Writes exactly the bytes of each client message the policy passes on, and meters the person's activity. A seat
	 * of a school with a budget (when it connected) asks for each frame, and its requests are paced: the browser's
	 * ContinuousUpdates is taken out of its encodings, and enabling them anyway is dropped.
	 */
	private void browserToDesktop(FramePacing pacing, boolean paced) throws IOException {
		var messages = new BrowserMessages(inbound, maxCutText);
		for (var message = messages.next(); message != null; message = messages.next()) {
			var bytes = message.bytes();
			switch (policy.verdict(message.kind(), bytes)) {
				case PASS -> pass(message.kind(), bytes, pacing, paced);
				case PASS_AS_ACTIVITY -> {
					forward(bytes);
					meter.input(user.id(), user.school());
				}
				case DROP -> {
				}
				case DROP_UNASKED_SCREEN_SIZE -> log.info(
						"Dropped {}'s SetDesktopSize to desktop {}: ExtendedDesktopSize was never asked for",
						user.username(), desktop);
			}
		}
	}

	private void pass(ClientMessageKind kind, ByteBuffer bytes, FramePacing pacing, boolean paced) throws IOException {
		switch (kind) {
			case SET_ENCODINGS -> {
				var asked = SetEncodings.of(bytes);
				setEncodings(paced ? asked.without(encoding -> encoding == SetEncodings.CONTINUOUS_UPDATES) : asked);
			}
			case FRAMEBUFFER_UPDATE_REQUEST -> {
				wholeScreen = wholeScreen(bytes);
				request(bytes, pacing, paced);
			}
			case ENABLE_CONTINUOUS_UPDATES -> {
				if (!paced) {
					forward(bytes);
				}
			}
			default -> forward(bytes);
		}
	}

	/** A frame request, held while a paced seat owes its school's uplink. */
	private void request(ByteBuffer request, FramePacing pacing, boolean paced) throws IOException {
		if (!paced || !pacing.hold(request)) {
			forward(request);
		}
	}

	/** The browser's frame request as a request for the whole of that area, not only what changed. */
	private static ByteBuffer wholeScreen(ByteBuffer request) {
		var whole = ByteBuffer.allocate(request.remaining()).put(request.duplicate()).flip();
		return whole.put(1, (byte) 0);
	}

	/** The browser's encodings, with the quality the seat's content calls for. */
	private void setEncodings(SetEncodings asked) throws IOException {
		synchronized (writing) {
			encoding.browserAsked(asked);
			forward(encoding.setEncodings().message());
		}
	}

	/**
	 * Sends the desktop a new SetEncodings whenever the seat turns busy or calm, between two whole messages. Turned
	 * calm, the seat asks for its whole screen again, through the pacing like the browser's own requests: TigerVNC
	 * 1.12 refreshes nothing it sent as JPEG by itself (not on a new quality, nor once still; measured), so the text
	 * a scroll left blurred comes again, losslessly, once.
	 */
	private void followContent(FramePacing pacing, boolean paced) {
		try {
			while (encoding.awaitChange()) {
				synchronized (writing) {
					forward(encoding.setEncodings().message());
					var screen = wholeScreen;
					if (screen != null && encoding.refreshNow()) {
						request(screen.duplicate(), pacing, paced);
					}
				}
				log.debug("Desktop {} of {}: the screen turned {}", desktop, user.username(),
						encoding.busy() ? "busy" : "calm");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (IOException e) {
			log.debug("Sending desktop {} new encodings: {}", desktop, e.getMessage());
		}
	}

	/** Writes one whole message; the pacing's releases come from another thread, never inside a message. */
	private void forward(ByteBuffer bytes) throws IOException {
		synchronized (writing) {
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
		}
	}

	private void desktopToBrowser(Uplinks.Seat paying) {
		var buffer = ByteBuffer.allocateDirect(DESKTOP_CHUNK);
		try {
			var connection = channel;
			while (connection.read(buffer) >= 0) {
				buffer.flip();
				// Owed before the browser has it: its next frame request must find the debt.
				paying.sent(buffer.remaining());
				encoding.received(buffer.remaining());
				session.sendMessage(new BinaryMessage(buffer, true));
				buffer.clear();
			}
			close(Ending.DESKTOP_ENDED);
		}
		catch (IOException | IllegalStateException e) {
			close(Ending.CONNECTION_LOST);
		}
		finally {
			inbound.end();
		}
	}

	private void close(Ending ending) {
		try {
			if (session.isOpen()) {
				session.close(ending.closeStatus());
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
