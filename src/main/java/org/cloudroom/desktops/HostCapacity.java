package org.cloudroom.desktops;

import java.util.concurrent.Semaphore;
import java.util.function.IntSupplier;

import org.cloudroom.desktops.spi.DesktopProvider;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Component;

/**
 * What this host takes: no more desktops than {@code max-desktops}, none while its free memory is below
 * {@code min-free-memory}, and no more starts at the same time than {@code parallel-starts}, so that a class arriving at
 * once is served in turn rather than all slowly.
 */
@Component
class HostCapacity {

	private final DesktopsSettings settings;
	private final DesktopProvider provider;
	private final Semaphore starts;
	private int starting;

	HostCapacity(DesktopsSettings settings, DesktopProvider provider) {
		this.settings = settings;
		this.provider = provider;
		this.starts = new Semaphore(Math.max(1, settings.parallelStarts()), true);
	}

	/** Counts one more desktop as starting, or refuses when the host is full; {@link #released()} undoes it. */
	synchronized void reserve(IntSupplier running) {
		if (running.getAsInt() + starting >= settings.maxDesktops()) {
			throw new Refused(Status.SERVER_FULL, "desktops.full-count", settings.maxDesktops());
		}
		var free = provider.availableMemoryBytes();
		if (free.isPresent() && free.getAsLong() < settings.minFreeMemory().toBytes()) {
			throw new Refused(Status.SERVER_FULL, "desktops.full-memory", free.getAsLong() / (1024 * 1024));
		}
		starting++;
	}

	synchronized void released() {
		starting--;
	}

	synchronized boolean anyStarting() {
		return starting > 0;
	}

	/** Waits for a turn to start a desktop; {@link #startDone()} gives it back. */
	void startTurn() throws InterruptedException {
		starts.acquire();
	}

	void startDone() {
		starts.release();
	}
}
