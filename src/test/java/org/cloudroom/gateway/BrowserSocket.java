package org.cloudroom.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import org.cloudroom.rfb.ServerInit;

/**
 * What noVNC does on its WebSocket to the gateway, from the JDK's WebSocket client: the bytes the gateway sends
 * arrive as one stream to read from, and how the gateway closed the connection is kept.
 */
public final class BrowserSocket implements WebSocket.Listener, AutoCloseable {

	static final Duration PATIENCE = Duration.ofSeconds(10);

	private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
	private byte[] current = new byte[0];
	private int read;
	private WebSocket socket;

	/** Opens the WebSocket; fails with a {@link java.net.http.WebSocketHandshakeException} when refused. */
	public static BrowserSocket open(HttpClient client, URI uri, UnaryOperator<WebSocket.Builder> headers) throws Exception {
		var listener = new BrowserSocket();
		listener.socket = headers.apply(client.newWebSocketBuilder().connectTimeout(PATIENCE)).buildAsync(uri, listener)
			.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		return listener;
	}

	/** The RFB 3.8 handshake as noVNC does it: version, security None, a shared ClientInit; then the ServerInit. */
	public ServerInit handshake() throws Exception {
		var version = read(12);
		if (!Arrays.equals(version, "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII))) {
			throw new AssertionError("the gateway said " + new String(version, StandardCharsets.US_ASCII));
		}
		send("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
		var types = read(read(1)[0]);
		if (!Arrays.equals(types, new byte[] { 1 })) {
			throw new AssertionError("the gateway offers security types " + Arrays.toString(types));
		}
		send(1);
		var result = ByteBuffer.wrap(read(4)).getInt();
		if (result != 0) {
			throw new AssertionError("security result " + result);
		}
		send(1);
		var head = ByteBuffer.wrap(read(24));
		var name = read(head.getInt(20));
		return new ServerInit(head.getShort(0) & 0xffff, head.getShort(2) & 0xffff,
				new String(name, StandardCharsets.UTF_8), new byte[0]);
	}

	public void send(int... bytes) {
		var message = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			message[i] = (byte) bytes[i];
		}
		send(message);
	}

	public void send(byte[] message) {
		socket.sendBinary(ByteBuffer.wrap(message), true).join();
	}

	/** Exactly {@code n} bytes of what the gateway sent, waiting for them. */
	byte[] read(int n) throws Exception {
		var out = new ByteArrayOutputStream();
		while (out.size() < n) {
			if (read == current.length) {
				var next = received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
				if (next == null) {
					throw new TimeoutException("got " + out.size() + " of " + n + " bytes");
				}
				current = next;
				read = 0;
			}
			int take = Math.min(n - out.size(), current.length - read);
			out.write(current, read, take);
			read += take;
		}
		return out.toByteArray();
	}

	/**
	 * The connection as a byte channel, for an RFB client that does its own handshake: a read waits for the gateway's
	 * next bytes (ending the stream when it closes), a write is one WebSocket message.
	 */
	ByteChannel asChannel() {
		return new ByteChannel() {

			@Override
			public int read(ByteBuffer target) throws IOException {
				try {
					while (read == current.length) {
						var next = received.poll(100, TimeUnit.MILLISECONDS);
						if (next != null) {
							current = next;
							read = 0;
						}
						else if (!BrowserSocket.this.isOpen()) {
							return -1;
						}
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IOException(e);
				}
				int n = Math.min(target.remaining(), current.length - read);
				target.put(current, read, n);
				read += n;
				return n;
			}

			@Override
			public int write(ByteBuffer source) {
				var bytes = new byte[source.remaining()];
				source.get(bytes);
				send(bytes);
				return bytes.length;
			}

			@Override
			public boolean isOpen() {
				return BrowserSocket.this.isOpen();
			}

			@Override
			public void close() {
				BrowserSocket.this.close();
			}
		};
	}

	/** The code the gateway closed the connection with, waiting for it. */
	int closeCode() throws Exception {
		return closeCode.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
	}

	public boolean isOpen() {
		return !socket.isInputClosed() && !closeCode.isDone();
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		var bytes = new byte[data.remaining()];
		data.get(bytes);
		received.add(bytes);
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closeCode.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		closeCode.completeExceptionally(error);
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
		}
		socket.abort();
	}
}
