import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A slow, far link on loopback: a TCP proxy from a port of 127.0.0.1 to a target, each direction limited to a rate
 * and delayed one way, as a school's uplink seen from its browsers. All connections share the link (a browser's six
 * parallel downloads and its WebSocket queue behind each other, as on a real line). Bytes leave the link in segments
 * of at most 1460 bytes: segment i departs when the line is free after the one before, at size/rate, and arrives a
 * delay later. What waits to depart is bounded (a router's buffer), beyond it the sender is held back by TCP.
 */
final class ShapedLink implements AutoCloseable {

	private static final int SEGMENT = 1460;

	private final ServerSocket listening;
	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
	private final Direction down;
	private final Direction up;
	private final InetSocketAddress target;

	/** @param mbitPerSecond each way; 0 for no limit. @param oneWayMillis delay each way. */
	ShapedLink(InetSocketAddress target, double mbitPerSecond, long oneWayMillis) throws IOException {
		this.target = target;
		this.listening = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		this.down = new Direction(mbitPerSecond, oneWayMillis);
		this.up = new Direction(mbitPerSecond, oneWayMillis);
		threads.submit(this::accept);
	}

	int port() {
		return listening.getLocalPort();
	}

	/** Bytes that crossed the link towards the browser. */
	long bytesDown() {
		return down.bytes;
	}

	private void accept() {
		while (!listening.isClosed()) {
			try {
				var browser = listening.accept();
				var server = new Socket(target.getAddress(), target.getPort());
				browser.setTcpNoDelay(true);
				server.setTcpNoDelay(true);
				threads.submit(() -> relay(browser.getInputStream(), server.getOutputStream(), up, browser, server));
				threads.submit(() -> relay(server.getInputStream(), browser.getOutputStream(), down, browser, server));
			}
			catch (IOException e) {
				if (!listening.isClosed()) {
					System.err.println("shaped link: " + e);
				}
			}
		}
	}

	/** Copies one way through the direction's line; the reader queues, a writer delivers each segment on time. */
	private Void relay(InputStream from, OutputStream to, Direction line, Socket a, Socket b) {
		var queue = new Queue(line);
		threads.submit(() -> deliver(queue, to, a, b));
		var buffer = new byte[SEGMENT];
		try {
			for (int n; (n = from.read(buffer)) > 0;) {
				queue.put(java.util.Arrays.copyOf(buffer, n));
			}
		}
		catch (IOException | InterruptedException closed) {
			// the other end went away
		}
		queue.end();
		return null;
	}

	private Void deliver(Queue queue, OutputStream to, Socket a, Socket b) {
		try {
			for (byte[] segment; (segment = queue.take()) != null;) {
				to.write(segment);
				to.flush();
			}
		}
		catch (IOException | InterruptedException closed) {
			// the other end went away
		}
		closeQuietly(a);
		closeQuietly(b);
		return null;
	}

	@Override
	public void close() {
		closeQuietly(listening);
		threads.shutdownNow();
	}

	private static void closeQuietly(java.io.Closeable c) {
		try {
			c.close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
	}

	/** One direction of the line, shared by every connection: when it is next free, in nanoseconds. */
	private static final class Direction {
		final double nanosPerByte;
		final long delayNanos;
		long freeAt;
		volatile long bytes;

		Direction(double mbitPerSecond, long oneWayMillis) {
			this.nanosPerByte = mbitPerSecond <= 0 ? 0 : 8e3 / mbitPerSecond;
			this.delayNanos = oneWayMillis * 1_000_000;
		}

		/** When a segment that reaches the line now arrives at the other end. */
		synchronized long arrival(int size) {
			long now = System.nanoTime();
			freeAt = Math.max(now, freeAt) + (long) (size * nanosPerByte);
			bytes += size;
			return freeAt + delayNanos;
		}

		/** Bytes waiting to depart, of every connection. */
		synchronized long backlog() {
			return nanosPerByte == 0 ? 0 : (long) (Math.max(0, freeAt - System.nanoTime()) / nanosPerByte);
		}

		/** Bytes the line may hold waiting to depart: 100 ms of its rate, at least 64 KB. */
		long buffer() {
			return nanosPerByte == 0 ? Long.MAX_VALUE : Math.max(64 * 1024, (long) (100e6 / nanosPerByte));
		}
	}

	/** One connection's segments on their way, each with the time it arrives. */
	private static final class Queue {
		private final Direction line;
		private final ArrayDeque<byte[]> segments = new ArrayDeque<>();
		private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
		private boolean ended;

		Queue(Direction line) {
			this.line = line;
		}

		synchronized void put(byte[] segment) throws InterruptedException {
			// held back while the line's backlog is full: what departs later than the buffer's worth from now
			while (line.backlog() > line.buffer()) {
				wait(5);
			}
			segments.add(segment);
			arrivals.add(line.arrival(segment.length));
			notifyAll();
		}

		synchronized void end() {
			ended = true;
			notifyAll();
		}

		/** The next segment once it has arrived, or null when the sender closed and all are delivered. */
		synchronized byte[] take() throws InterruptedException {
			while (true) {
				if (!segments.isEmpty()) {
					long wait = arrivals.peekFirst() - System.nanoTime();
					if (wait <= 0) {
						arrivals.removeFirst();
						notifyAll();
						return segments.removeFirst();
					}
					wait(Math.max(1, wait / 1_000_000), 0);
				}
				else if (ended) {
					return null;
				}
				else {
					wait();
				}
			}
		}
	}
}
