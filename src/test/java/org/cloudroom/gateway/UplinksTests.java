package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.cloudroom.accounts.SchoolId;
import org.junit.jupiter.api.Test;

/** The sharing of a school's uplink, on a fake clock stepped a millisecond at a time. */
class UplinksTests {

	private static final long MS = 1_000_000;
	private static final int FRAME = 50_000;
	/** 20 Mbit/s. */
	private static final long RATE = 2_500_000;

	private long now = 1_000 * MS;
	private final Map<SchoolId, Long> budgets = new HashMap<>();
	private final Uplinks uplinks = new Uplinks(() -> now,
			school -> budgets.containsKey(school) ? OptionalLong.of(budgets.get(school)) : OptionalLong.empty());
	private final SchoolId village = SchoolId.random();
	private final SchoolId town = SchoolId.random();

	@Test
	void aSchoolWithoutABudgetAndTheOperatorAreNeverHeld() {
		var unpaced = List.of(uplinks.join(town), uplinks.join(null));

		long[] sent = run(unpaced, 1_000);

		assertThat(unpaced).allSatisfy(seat -> assertThat(seat.paced()).isFalse());
		assertThat(sent).as("a frame every millisecond").containsOnly(1_000L * FRAME);
	}

	@Test
	void greedySeatsSendNoMoreThanTheBudgetOverTimePlusOneFrameEach() {
		budgets.put(village, RATE);
		var seats = seats(village, 4);

		long total = sum(run(seats, 60_000));

		assertThat(total).isLessThanOrEqualTo(RATE * 60 + 4L * FRAME).isGreaterThan(RATE * 60 * 95 / 100);
	}

	@Test
	void greedySeatsGetEqualShares() {
		budgets.put(village, RATE);
		var seats = seats(village, 24);

		long[] sent = run(seats, 30_000);

		for (long each : sent) {
			assertThat((double) each).isCloseTo(RATE * 30 / 24.0, within(RATE * 30 / 24.0 * 0.05));
		}
	}

	@Test
	void aTypingSeatIsReleasedAtOnceWhileTwentyFourScrollingSeatsAreHeld() {
		budgets.put(village, RATE);
		var scrolling = seats(village, 24);
		var typing = uplinks.join(village);
		long longestWait = 0;
		long heldRequests = 0;
		for (int key = 0; key < 40; key++) {
			typing.sent(2_000);
			long askedAt = now;
			for (int ms = 0; ms < 250; ms++) {
				heldRequests += scrolling.stream().filter(seat -> seat.waitNanos() > 0).count();
				step(scrolling, new long[scrolling.size()]);
				if (typing.waitNanos() == 0 && askedAt >= 0) {
					longestWait = Math.max(longestWait, now - askedAt);
					askedAt = -1;
				}
			}
		}

		assertThat(longestWait).as("2 KB at a 25th of 20 Mbit/s").isLessThanOrEqualTo(25 * MS);
		assertThat(heldRequests).as("the scrolling seats wait most of the time")
			.isGreaterThan(40L * 250 * 24 * 9 / 10);
	}

	@Test
	void aSeatThatLeavesFreesItsShare() {
		budgets.put(village, RATE);
		var seats = seats(village, 2);
		long[] before = run(seats, 10_000);

		seats.getLast().leave();
		long[] after = run(seats.subList(0, 1), 10_000);

		assertThat((double) after[0]).isCloseTo(2.0 * before[0], within(0.05 * 2 * before[0]));
	}

	@Test
	void aChangedBudgetReachesOpenSeatsAtTheNextRefresh() {
		budgets.put(village, RATE);
		var seats = seats(village, 2);

		long slow = sum(run(seats, 10_000));
		budgets.put(village, 4 * RATE);
		uplinks.refresh();
		long fast = sum(run(seats, 10_000));
		budgets.remove(village);
		uplinks.refresh();
		long free = sum(run(seats, 1_000));

		assertThat(slow).isBetween(RATE * 10 * 95 / 100, RATE * 10 + 2L * FRAME);
		assertThat(fast).isBetween(4 * RATE * 10 * 95 / 100, 4 * RATE * 10 + 2L * FRAME);
		assertThat(free).isEqualTo(2L * 1_000 * FRAME);
	}

	@Test
	void aSeatThatJoinedBeforeTheBudgetIsNeitherHeldNorTakesAShare() {
		var early = uplinks.join(village);
		budgets.put(village, RATE);
		uplinks.refresh();
		var later = seats(village, 2);

		long[] sent = run(List.of(early, later.get(0), later.get(1)), 10_000);

		assertThat(early.paced()).isFalse();
		assertThat(later).allSatisfy(seat -> assertThat(seat.paced()).isTrue());
		assertThat(sent[0]).isEqualTo(10_000L * FRAME);
		assertThat(sent[1] + sent[2]).isBetween(RATE * 10 * 95 / 100, RATE * 10 + 2L * FRAME);
	}

	@Test
	void aSeatThatJoinsRightAfterTheBudgetWasSetIsPacedBeforeAnyRefresh() {
		var before = uplinks.join(village);
		budgets.put(village, RATE);

		var after = uplinks.join(village);

		assertThat(before.paced()).isFalse();
		assertThat(after.paced()).isTrue();
		after.sent(FRAME);
		assertThat(after.waitNanos()).isPositive();
	}

	@Test
	void oneSchoolOverItsBudgetDoesNotSlowAnother() {
		budgets.put(village, RATE);
		var seats = List.of(uplinks.join(village), uplinks.join(town));

		long[] sent = run(seats, 10_000);

		assertThat(sent[0]).isLessThanOrEqualTo(RATE * 10 + FRAME);
		assertThat(sent[1]).as("a frame every millisecond").isEqualTo(10_000L * FRAME);
	}

	private List<Uplinks.Seat> seats(SchoolId school, int n) {
		var seats = new ArrayList<Uplinks.Seat>();
		for (int i = 0; i < n; i++) {
			seats.add(uplinks.join(school));
		}
		return seats;
	}

	/** Each seat asks for a frame whenever it may and gets one of {@link #FRAME} bytes; the bytes each got. */
	private long[] run(List<Uplinks.Seat> seats, int millis) {
		long[] sent = new long[seats.size()];
		for (int ms = 0; ms < millis; ms++) {
			step(seats, sent);
		}
		return sent;
	}

	private void step(List<Uplinks.Seat> seats, long[] sent) {
		for (int i = 0; i < seats.size(); i++) {
			if (seats.get(i).waitNanos() == 0) {
				seats.get(i).sent(FRAME);
				sent[i] += FRAME;
			}
		}
		now += MS;
	}

	private static long sum(long[] values) {
		long sum = 0;
		for (long value : values) {
			sum += value;
		}
		return sum;
	}
}
