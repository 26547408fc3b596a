package org.cloudroom.desktops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cloudroom.accounts.PersonId;
import org.junit.jupiter.api.Test;

/** One person's desktop is started or stopped by one thread at a time; other people's go on meanwhile. */
class PersonLocksTests {

	private final PersonLocks locks = new PersonLocks();
	private final PersonId ming = new PersonId(UUID.randomUUID());
	private final PersonId hong = new PersonId(UUID.randomUUID());

	@Test
	void aSecondRequestOfOnePersonWaitsForTheFirst() throws Exception {
		var inside = new CountDownLatch(1);
		var leave = new CountDownLatch(1);
		var overlapped = new AtomicBoolean();
		var busy = new AtomicBoolean();
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			var first = threads.submit(() -> locks.holding(ming, () -> {
				busy.set(true);
				inside.countDown();
				await(leave);
				busy.set(false);
				return 1;
			}));
			await(inside);
			var second = threads.submit(() -> locks.holding(ming, () -> {
				overlapped.set(busy.get());
				return 2;
			}));
			assertThat(second).as("waits while the first holds the lock").isNotDone();
			leave.countDown();
			assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(2);
		}
		assertThat(overlapped).isFalse();
	}

	@Test
	void anotherPersonDoesNotWaitForTheFirst() throws Exception {
		var inside = new CountDownLatch(1);
		var leave = new CountDownLatch(1);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			threads.submit(() -> locks.holding(ming, () -> {
				inside.countDown();
				await(leave);
				return 1;
			}));
			await(inside);
			var other = threads.submit(() -> locks.holding(hong, () -> 2));
			assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo(2);
			leave.countDown();
		}
	}

	@Test
	void aPersonsLockCanBeTakenAgainOnceReleased() {
		assertThat(locks.holding(ming, () -> 1)).isEqualTo(1);
		assertThat(locks.holding(ming, () -> 2)).isEqualTo(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			throw new AssertionError(e);
		}
	}
}
