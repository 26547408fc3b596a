package org.cloudroom.desktops.spi;

/**
 * How often a desktop met its kernel limits since it started: counters that only grow.
 *
 * @param memory programs the kernel ended because the desktop's memory was full
 * @param processes programs that could not start because the desktop ran as many as it may
 */
public record LimitHits(long memory, long processes) {

	public static final LimitHits NONE = new LimitHits(0, 0);
}
