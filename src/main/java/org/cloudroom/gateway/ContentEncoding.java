package org.cloudroom.gateway;

import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

import org.cloudroom.gateway.EncodingSettings.Quality;
import org.jspecify.annotations.Nullable;

/**
 * One seat's JPEG quality, following what its screen does: calm (text, menus, typing) until a second brings more
 * than the busy threshold (scrolling, video), then busy until the screen settled. The seat's SetEncodings is the
 * browser's last one with the quality pseudo-encodings replaced by the chosen one; the browser's others are kept.
 * Bytes are counted in tenths of a second on the time source.
 */
final class ContentEncoding {

	private static final long TENTH = 100_000_000L;
	private static final int QUALITY_LEVELS = -32;
	private static final int FINE_QUALITY = -512;
	private static final int SUBSAMPLING = -768;

	private final EncodingSettings settings;
	private final Quality calm;
	private final Quality busy;
	private final LongSupplier nanos;
	private final long[] tenths;
	private long newestTenth;
	private boolean busyNow;
	private boolean changed;
	private boolean ended;
	private @Nullable ByteBuffer asked;

	ContentEncoding(EncodingSettings settings, LongSupplier nanos) {
		this.settings = settings;
		this.calm = Quality.of(settings.calm());
		this.busy = Quality.of(settings.busy());
		this.nanos = nanos;
		this.tenths = new long[(int) Math.max(10, settings.settle().toMillis() / 100)];
		this.newestTenth = nanos.getAsLong() / TENTH;
	}

	/** The browser's SetEncodings (as the gateway passes it on); what goes to the desktop is {@link #setEncodings}. */
	synchronized void browserAsked(ByteBuffer setEncodings) {
		asked = ByteBuffer.allocate(setEncodings.remaining()).put(setEncodings.duplicate()).flip();
		changed = false;
	}

	/** The SetEncodings for the desktop now: the browser's last with the quality of the seat's state. */
	synchronized ByteBuffer setEncodings() {
		changed = false;
		var last = asked;
		if (last == null) {
			throw new IllegalStateException("no SetEncodings from the browser yet");
		}
		return withQuality(last, busyNow ? busy : calm);
	}

	synchronized boolean busy() {
		return busyNow;
	}

	/** Bytes the desktop sent the seat: a calm seat whose last second brought more than the threshold turns busy. */
	synchronized void received(long bytes) {
		advance();
		tenths[(int) (newestTenth % tenths.length)] += bytes;
		if (!busyNow && lastTenths(10) > settings.busyAbove().toBytes()) {
			turn(true);
		}
	}

	/** Turns a busy seat calm when each second of the settle time brought less than the calm threshold. */
	synchronized void settle() {
		advance();
		long seconds = settings.settle().toMillis() / 1000;
		long below = Math.max(1, seconds) * settings.calmBelow().toBytes();
		if (busyNow && lastTenths(tenths.length) < below) {
			turn(false);
		}
	}

	/**
	 * Waits until the seat's state changed and the desktop is owed a new SetEncodings (true), or the seat ended
	 * (false); looks whether the screen settled every tenth of a second of real time.
	 */
	synchronized boolean awaitChange() throws InterruptedException {
		while (!ended) {
			settle();
			if (changed) {
				return true;
			}
			wait(100);
		}
		return false;
	}

	synchronized void end() {
		ended = true;
		notifyAll();
	}

	private void turn(boolean toBusy) {
		busyNow = toBusy;
		changed = asked != null;
		notifyAll();
	}

	private void advance() {
		long now = nanos.getAsLong() / TENTH;
		for (long t = newestTenth + 1; t <= now && t <= newestTenth + tenths.length; t++) {
			tenths[(int) (t % tenths.length)] = 0;
		}
		newestTenth = Math.max(newestTenth, now);
	}

	private long lastTenths(int n) {
		long sum = 0;
		for (int i = 0; i < n; i++) {
			sum += tenths[(int) ((newestTenth - i) % tenths.length)];
		}
		return sum;
	}

	/** The SetEncodings with the quality's pseudo-encodings in place of the browser's (as-sent: unchanged). */
	static ByteBuffer withQuality(ByteBuffer setEncodings, Quality quality) {
		if (quality.equals(Quality.AS_SENT)) {
			return setEncodings.duplicate();
		}
		int start = setEncodings.position();
		int count = Short.toUnsignedInt(setEncodings.getShort(start + 2));
		var kept = ByteBuffer.allocate(4 + 4 * (count + 1));
		kept.put(setEncodings.get(start)).put(setEncodings.get(start + 1)).putShort((short) 0);
		int left = 0;
		for (int i = 0; i < count; i++) {
			int encoding = setEncodings.getInt(start + 4 + 4 * i);
			if (!qualityChoice(encoding)) {
				kept.putInt(encoding);
				left++;
			}
		}
		if (!quality.equals(Quality.LOSSLESS)) {
			kept.putInt(QUALITY_LEVELS + quality.level());
			left++;
		}
		return kept.putShort(2, (short) left).flip();
	}

	private static boolean qualityChoice(int encoding) {
		return encoding >= QUALITY_LEVELS && encoding <= QUALITY_LEVELS + 9
				|| encoding >= FINE_QUALITY && encoding <= FINE_QUALITY + 100
				|| encoding >= SUBSAMPLING && encoding <= SUBSAMPLING + 5;
	}
}
