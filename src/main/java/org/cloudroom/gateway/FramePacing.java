package org.cloudroom.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Holds a paced seat's frame requests while the seat owes bytes to its school's uplink, and sends the latest one to
 * the desktop once it owes nothing; the desktop meanwhile gathers what changed, so a held seat gets fewer, later
 * frames and never a queue. Other messages pass at once, so keys and pointer are never held behind a request.
 */
final class FramePacing {

	/** Where a released request goes: the desktop, one whole message at a time. */
	interface Desktop {
		void send(ByteBuffer message) throws IOException;
	}

	private final Uplinks.Seat seat;
	private final Desktop desktop;
	private @Nullable ByteBuffer held;
	private @Nullable Thread releaser;
	private boolean ended;

	FramePacing(Uplinks.Seat seat, Desktop desktop) {
		this.seat = seat;
		this.desktop = desktop;
	}

	/**
	 * Takes a FramebufferUpdateRequest: false when the seat owes nothing and the request is to be sent now, true when
	 * it is held (in place of any held before it, except that a request for the whole screen is kept).
	 */
	synchronized boolean hold(ByteBuffer request) {
		if (ended || held == null && seat.waitNanos() == 0) {
			return false;
		}
		if (held == null || incremental(held) || !incremental(request)) {
			held = ByteBuffer.allocate(request.remaining()).put(request.duplicate()).flip();
		}
		if (releaser == null) {
			releaser = Thread.ofVirtual().name("pacing").start(this::release);
		}
		notifyAll();
		return true;
	}

	/** The connection ended: nothing held is sent any more. */
	synchronized void end() {
		ended = true;
		notifyAll();
	}

	private void release() {
		try {
			while (true) {
				synchronized (this) {
					while (held == null && !ended) {
						wait();
					}
					if (ended) {
						return;
					}
				}
				for (long wait = seat.waitNanos(); wait > 0 && !isEnded(); wait = seat.waitNanos()) {
					LockSupport.parkNanos(wait);
				}
				ByteBuffer request;
				synchronized (this) {
					request = held;
					held = null;
				}
				if (request != null && !isEnded()) {
					desktop.send(request);
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (IOException e) {
			end();
		}
	}

	private synchronized boolean isEnded() {
		return ended;
	}

	private static boolean incremental(ByteBuffer request) {
		return request.get(request.position() + 1) != 0;
	}
}
