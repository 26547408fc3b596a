package org.cloudroom.classroom;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cloudroom.desktops.Desktops;
import org.cloudroom.rfb.RfbClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop watched for thumbnails: a virtual thread keeps an {@link RfbClient}'s framebuffer current, asking
 * for what changed about once per refresh period, and a small JPEG is encoded only when the screen changed since
 * the last one. Ends when closed or when the desktop goes away.
 */
final class ScreenWatch implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ScreenWatch.class);

	private final UUID desktop;
	private final Desktops.Connection connection;
	private final int width;
	private final Duration refresh;
	private final CountDownLatch firstUpdate = new CountDownLatch(1);
	private volatile @Nullable RfbClient client;
	private volatile boolean ended;
	private final Clock clock;
	private volatile Instant lastAsked;
	private final Jpeg encoder = new Jpeg();
	private byte @Nullable [] jpeg;
	private long jpegVersion = -1;
	private int[] jpegPixels = new int[0];

	private ScreenWatch(UUID desktop, Desktops.Connection connection, int width, Duration refresh, Clock clock) {
		this.clock = clock;
		this.lastAsked = clock.instant();
		this.desktop = desktop;
		this.connection = connection;
		this.width = width;
		this.refresh = refresh;
	}

	/** Starts watching over a fresh connection to the desktop; the handshake happens on the watch's thread. */
	static ScreenWatch start(UUID desktop, Desktops.Connection connection, int width, Duration refresh,
			Clock clock) {
		var watch = new ScreenWatch(desktop, connection, width, refresh, clock);
		Thread.ofVirtual().name("thumbnail-" + desktop).start(watch::run);
		return watch;
	}

	UUID desktop() {
		return desktop;
	}

	boolean alive() {
		return !ended;
	}

	/** How many bytes the desktop has sent to this watch. */
	long bytesReceived() {
		var current = client;
		return current == null ? 0 : current.bytesReceived();
	}

	/** When a thumbnail was last asked for. */
	Instant lastAsked() {
		return lastAsked;
	}

	/** The latest thumbnail, waiting up to {@code wait} for the first; empty when there is none (yet). */
	Optional<byte[]> jpeg(Duration wait) {
		lastAsked = clock.instant();
		try {
			firstUpdate.await(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		var current = client;
		if (current == null || ended) {
			return Optional.empty();
		}
		return Optional.of(encode(current));
	}

	private synchronized byte[] encode(RfbClient current) {
		var framebuffer = current.framebuffer();
		if (jpeg == null || framebuffer.version() != jpegVersion) {
			var snapshot = framebuffer.scaled(width);
			// a change too small to show at thumbnail size costs no encoding
			if (jpeg == null || !Arrays.equals(snapshot.rgb(), jpegPixels)) {
				jpeg = encoder.encode(snapshot.width(), snapshot.height(), snapshot.rgb());
				jpegPixels = snapshot.rgb();
			}
			jpegVersion = snapshot.version();
		}
		return jpeg;
	}

	private void run() {
		try (var opened = RfbClient.open(connection.channel(), connection.vncPassword())) {
			client = opened;
			if (ended) {
				return;
			}
			opened.requestUpdate(false);
			while (!ended) {
				long asked = System.nanoTime();
				while (!opened.read()) {
					// bells and clipboard text: not for thumbnails
				}
				firstUpdate.countDown();
				long rest = refresh.toNanos() - (System.nanoTime() - asked);
				if (rest > 0) {
					Thread.sleep(Duration.ofNanos(rest));
				}
				opened.requestUpdate(true);
			}
		}
		catch (IOException e) {
			if (!ended) {
				log.debug("Watching desktop {} ended: {}", desktop, e.toString());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			ended = true;
			firstUpdate.countDown();
		}
	}

	@Override
	public void close() {
		ended = true;
		try {
			connection.channel().close();
		}
		catch (IOException e) {
			log.debug("Closing the watch of desktop {}: {}", desktop, e.toString());
		}
	}
}
