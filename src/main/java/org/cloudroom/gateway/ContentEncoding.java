package org.cloudroom.gateway;

import java.util.function.LongSupplier;

import org.cloudroom.gateway.EncodingSettings.Quality;
import org.cloudroom.rfb.SetEncodings;
import org.jspecify.annotations.Nullable;

/**
 * One seat's JPEG quality, following what its screen does: calm (text, menus, typing) until a second brings more
 * than the busy threshold (scrolling, video), then busy until the screen settled. The seat's SetEncodings is the
 * browser's last one with the quality pseudo-encodings replaced by the chosen one; the browser's others are kept.
 * Turned calm, the seat owes its browser one lossless refresh of the whole screen (what was sent as JPEG stays JPEG
 * otherwise: Xvnc refreshes nothing by itself); the refresh's own bytes, up to the first pause in the stream, are not
 * taken for a busy screen. Bytes are counted in tenths of a second on the time source.
 */
final class ContentEncoding {

	private static final long TENTH = 100_000_000L;
	private static final long NONE = Long.MIN_VALUE;
	/** A refresh's bytes end at the first pause of this long in what the desktop sends. */
	private static final long REFRESH_PAUSE = 2 * TENTH;
	/** ...or at the latest this long after it was asked (a paced seat's request may wait for the school's uplink). */
	private static final long REFRESH_LONGEST = 50 * TENTH;
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
	private boolean refreshOwed;
	private long refreshAsked = NONE;
	private long refreshLastBytes = NONE;
	private boolean ended;
	private @Nullable SetEncodings asked;

	ContentEncoding(EncodingSettings settings, LongSupplier nanos) {
		this.settings = settings;
		this.calm = Quality.of(settings.calm());
		this.busy = Quality.of(settings.busy());
		this.nanos = nanos;
		this.tenths = new long[(int) Math.max(10, settings.settle().toMillis() / 100)];
		this.newestTenth = nanos.getAsLong() / TENTH;
	}

	/** The browser's SetEncodings (as the gateway passes it on); what goes to the desktop is {@link #setEncodings}. */
	synchronized void browserAsked(SetEncodings setEncodings) {
		asked = setEncodings;
		changed = false;
	}

	/** The SetEncodings for the desktop now: the browser's last with the quality of the seat's state. */
	synchronized SetEncodings setEncodings() {
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

	/**
	 * Bytes the desktop sent the seat: a calm seat whose last second brought more than the threshold turns busy.
	 * What a refresh brings is not counted.
	 */
	synchronized void received(long bytes) {
		long now = nanos.getAsLong();
		advance(now);
		if (refreshing(now)) {
			refreshLastBytes = now;
			return;
		}
		tenths[(int) (newestTenth % tenths.length)] += bytes;
		if (!busyNow && lastTenths(10) > settings.busyAbove().toBytes()) {
			turn(true);
		}
	}

	/** Turns a busy seat calm when each second of the settle time brought less than the calm threshold. */
	synchronized void settle() {
		advance(nanos.getAsLong());
		if (busyNow && lastTenths(tenths.length) < calmBelow()) {
			turn(false);
		}
	}

	/**
	 * Whether the seat is to ask for its whole screen now: true once after each turn to calm (the refresh then
	 * starts: its bytes are not counted), false otherwise.
	 */
	synchronized boolean refreshNow() {
		if (busyNow || !refreshOwed) {
			return false;
		}
		refreshOwed = false;
		refreshAsked = nanos.getAsLong();
		refreshLastBytes = NONE;
		return true;
	}

	/**
	 * Waits until the seat's state changed and the desktop is owed a new SetEncodings (true), or the seat ended
	 * (false). A calm seat sleeps until bytes turn it busy; a busy one until the earliest time it could settle.
	 */
	synchronized boolean awaitChange() throws InterruptedException {
		while (!ended) {
			settle();
			if (changed) {
				return true;
			}
			wait(busyNow ? tenthsUntilCalm() * (TENTH / 1_000_000) : 0);
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
		refreshOwed = !toBusy && changed;
		notifyAll();
	}

	private boolean refreshing(long now) {
		if (refreshAsked == NONE) {
			return false;
		}
		if (now - refreshAsked > REFRESH_LONGEST || refreshLastBytes != NONE && now - refreshLastBytes > REFRESH_PAUSE) {
			refreshAsked = NONE;
			return false;
		}
		return true;
	}

	private long calmBelow() {
		return Math.max(1, settings.settle().toMillis() / 1000) * settings.calmBelow().toBytes();
	}

	/** The fewest tenths after which the settle window, if nothing more arrives, is under the calm threshold. */
	private int tenthsUntilCalm() {
		for (int dropped = 1; dropped < tenths.length; dropped++) {
			if (lastTenths(tenths.length - dropped) < calmBelow()) {
				return dropped;
			}
		}
		return tenths.length;
	}

	private void advance(long now) {
		long tenth = now / TENTH;
		for (long t = newestTenth + 1; t <= tenth && t <= newestTenth + tenths.length; t++) {
			tenths[(int) (t % tenths.length)] = 0;
		}
		newestTenth = Math.max(newestTenth, tenth);
	}

	private long lastTenths(int n) {
		long sum = 0;
		for (int i = 0; i < n; i++) {
			sum += tenths[(int) ((newestTenth - i) % tenths.length)];
		}
		return sum;
	}

	/** The SetEncodings with the quality's pseudo-encodings in place of the browser's (as-sent: unchanged). */
	static SetEncodings withQuality(SetEncodings setEncodings, Quality quality) {
		if (quality.equals(Quality.AS_SENT)) {
			return setEncodings;
		}
		var lossless = setEncodings.without(ContentEncoding::qualityChoice);
		return quality.equals(Quality.LOSSLESS) ? lossless : lossless.with(QUALITY_LEVELS + quality.level());
	}

	private static boolean qualityChoice(int encoding) {
		return encoding >= QUALITY_LEVELS && encoding <= QUALITY_LEVELS + 9
				|| encoding >= FINE_QUALITY && encoding <= FINE_QUALITY + 100
				|| encoding >= SUBSAMPLING && encoding <= SUBSAMPLING + 5;
	}
}
