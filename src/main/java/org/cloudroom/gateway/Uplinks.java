package org.cloudroom.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.cloudroom.accounts.SchoolId;
import org.jspecify.annotations.Nullable;

/**
 * The schools' uplinks to the servers, shared by their open seats. A school with a budget refills its rate, in bytes
 * per second, among the seats that owe bytes (max-min: a seat that owes nothing takes no share, and what a share
 * cannot use goes to the others); a seat that owes may not ask the desktop for its next frame. What is not used is
 * not saved up, so a school sends at most its rate over time plus what its seats owe now (one frame each).
 * The operator and schools without a budget are not paced, nor is a seat that joined before its school had one
 * (its browser was let use continuous updates, so its frames cannot be held): it is paced from its next connection.
 */
final class Uplinks {

	/** A seat that owes waits at most this long before it looks again: a budget change or a leaver frees it sooner. */
	static final long MAX_WAIT_NANOS = 100_000_000;

	private final LongSupplier nanos;
	private final Function<SchoolId, OptionalLong> bytesPerSecond;
	private final Map<SchoolId, Uplink> uplinks = new ConcurrentHashMap<>();

	/**
	 * @param nanos the time (System::nanoTime), for pacing and for the seats' encoding (ContentEncoding)
	 * @param bytesPerSecond a school's budget, empty for none
	 */
	Uplinks(LongSupplier nanos, Function<SchoolId, OptionalLong> bytesPerSecond) {
		this.nanos = nanos;
		this.bytesPerSecond = bytesPerSecond;
	}

	/** The gateway's time source. */
	LongSupplier clock() {
		return nanos;
	}

	/**
	 * A new seat of the school (null: the operator, never paced), paced by the school's budget as it is now, read
	 * afresh for it.
	 */
	Seat join(@Nullable SchoolId school) {
		if (school == null) {
			return new Seat(null);
		}
		long rate = bytesPerSecond.apply(school).orElse(0);
		var uplink = uplinks.computeIfAbsent(school, any -> new Uplink(nanos.getAsLong()));
		var seat = new Seat(uplink);
		uplink.add(seat, rate, nanos.getAsLong());
		return seat;
	}

	/** Reads again the budget of every school that has seats, so that a change reaches open connections. */
	void refresh() {
		uplinks.forEach((school, uplink) -> {
			if (uplink.occupied()) {
				uplink.rate(bytesPerSecond.apply(school).orElse(0), nanos.getAsLong());
			}
		});
	}

	/** One connection's share of its school's uplink. */
	final class Seat {

		private final @Nullable Uplink uplink;
		private boolean paced;
		private double owed;

		private Seat(@Nullable Uplink uplink) {
			this.uplink = uplink;
		}

		/** Whether the school had a budget when the seat joined: only then are its bytes counted and its frames held. */
		boolean paced() {
			return uplink != null && uplink.paced(this);
		}

		/** The desktop sent this many bytes to the seat's browser. */
		void sent(long bytes) {
			if (uplink != null) {
				uplink.sent(this, bytes, nanos.getAsLong());
			}
		}

		/** How long the seat's next frame request must still wait: 0 when it owes nothing (or is not paced). */
		long waitNanos() {
			return uplink == null ? 0 : uplink.waitNanos(this, nanos.getAsLong());
		}

		/** The connection ended: its share goes to the others. */
		void leave() {
			if (uplink != null) {
				uplink.remove(this, nanos.getAsLong());
			}
		}
	}

	/** One school's uplink: its rate and its seats' debts, in bytes, settled up to {@code settled}. */
	private static final class Uplink {

		private final List<Seat> seats = new ArrayList<>();
		private long rate;
		private long settled;

		Uplink(long now) {
			this.settled = now;
		}

		synchronized boolean paced(Seat seat) {
			return seat.paced;
		}

		synchronized boolean occupied() {
			return !seats.isEmpty();
		}

		synchronized void rate(long bytesPerSecond, long now) {
			settle(now);
			if (bytesPerSecond <= 0) {
				seats.forEach(seat -> seat.owed = 0);
			}
			rate = Math.max(0, bytesPerSecond);
		}

		synchronized void add(Seat seat, long bytesPerSecond, long now) {
			rate(bytesPerSecond, now);
			seat.paced = rate > 0;
			seats.add(seat);
		}

		synchronized void remove(Seat seat, long now) {
			settle(now);
			seats.remove(seat);
		}

		synchronized void sent(Seat seat, long bytes, long now) {
			settle(now);
			if (rate > 0 && seat.paced) {
				seat.owed += bytes;
			}
		}

		synchronized long waitNanos(Seat seat, long now) {
			settle(now);
			if (seat.owed <= 0) {
				return 0;
			}
			long debtors = seats.stream().filter(s -> s.owed > 0).count();
			return Math.min(MAX_WAIT_NANOS, Math.max(1, (long) Math.ceil(seat.owed * debtors * 1e9 / rate)));
		}

		/** Shares what the rate refilled since the last settling among the debtors, smallest debt first. */
		private void settle(long now) {
			double refill = rate * Math.max(0, now - settled) / 1e9;
			settled = now;
			var debtors = seats.stream().filter(s -> s.owed > 0).sorted(Comparator.comparingDouble(s -> s.owed))
				.toList();
			int left = debtors.size();
			for (var seat : debtors) {
				double paid = Math.min(seat.owed, refill / left);
				// Less than a byte left is paid: rounding must not hold a seat for nothing.
				seat.owed = seat.owed - paid < 1 ? 0 : seat.owed - paid;
				refill -= paid;
				left--;
			}
		}
	}
}
