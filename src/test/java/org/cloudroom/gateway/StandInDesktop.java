package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.cloudroom.desktops.Desktops;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A desktop on a Unix socket, standing in for Xvnc before a relay under test, and the browser's WebSocket session:
 * the test plays the desktop's side byte for byte and sees what the relay sent the browser.
 */
final class StandInDesktop implements AutoCloseable {

	/** The ServerInit of a 1280×720 screen named "pupil". */
	private static final byte[] SERVER_INIT = concat(
			bytes(5, 0, 2, 208, 32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0, 0, 0, 0, 5),
			"pupil".getBytes(StandardCharsets.US_ASCII));

	final UUID id = UUID.randomUUID();
	private final Path socket;
	private final ServerSocketChannel listening;
	private final ByteArrayOutputStream toBrowser = new ByteArrayOutputStream();

	StandInDesktop(Path directory) throws IOException {
		this.socket = directory.resolve("vnc.sock");
		this.listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
	}

	/** Desktops that connect every relay for this desktop to the stand-in. */
	Desktops desktops() throws IOException {
		var desktops = mock(Desktops.class);
		when(desktops.connect(id)).thenAnswer(call -> new Desktops.Connection(
				SocketChannel.open(listening.getLocalAddress()), null));
		return desktops;
	}

	/** The session, open, keeping every binary message sent to the browser. */
	WebSocketSession browser(WebSocketSession session) throws IOException {
		when(session.isOpen()).thenReturn(true);
		doAnswer(call -> {
			var payload = call.getArgument(0, BinaryMessage.class).getPayload();
			synchronized (toBrowser) {
				while (payload.hasRemaining()) {
					toBrowser.write(payload.get());
				}
			}
			return null;
		}).when(session).sendMessage(any());
		return session;
	}

	/**
	 * Takes the relay's connection and plays both handshakes, the browser's through the relay, until the browser has
	 * the ServerInit; the desktop's side of the connection, for the test to read and write.
	 */
	SocketChannel accept(Relay relay) throws IOException {
		var desktop = listening.accept();
		write(desktop, "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(new String(read(desktop, 12), StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
		write(desktop, bytes(1, 1));
		assertThat(read(desktop, 1)).containsExactly(1);
		write(desktop, bytes(0, 0, 0, 0));
		assertThat(read(desktop, 1)).as("shared ClientInit").containsExactly(1);
		write(desktop, SERVER_INIT);
		for (var message : new byte[][] { "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), bytes(1), bytes(1) }) {
			relay.fromBrowser(ByteBuffer.wrap(message));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> sentToBrowser().length >= 12 + 2 + 4 + SERVER_INIT.length);
		return desktop;
	}

	byte[] sentToBrowser() {
		synchronized (toBrowser) {
			return toBrowser.toByteArray();
		}
	}

	void forgetSentToBrowser() {
		synchronized (toBrowser) {
			toBrowser.reset();
		}
	}

	@Override
	public void close() throws IOException {
		listening.close();
		Files.deleteIfExists(socket);
	}

	/** Up to n bytes: all of them on a blocking channel (fewer if it ends), what is there now on a non-blocking one. */
	static byte[] read(SocketChannel channel, int n) throws IOException {
		var buffer = ByteBuffer.allocate(n);
		while (buffer.hasRemaining()) {
			int read = channel.read(buffer);
			if (read < 0 || read == 0 && !channel.isBlocking()) {
				break;
			}
		}
		return Arrays.copyOf(buffer.array(), buffer.position());
	}

	static void write(SocketChannel channel, byte[] bytes) throws IOException {
		var buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

	static byte[] bytes(int... values) {
		var bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	static byte[] concat(byte[]... parts) {
		var out = new ByteArrayOutputStream();
		for (var part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}
}
