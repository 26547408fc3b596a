package org.cloudroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it, so grace periods, due times and seals are tested by moving time,
 * not by sleeping. In the schools' zone (Asia/Shanghai) unless given another. Safe to move from one thread while
 * others read it.
 */
public final class MovingClock extends Clock {

	private volatile Instant now;

	private final ZoneId zone;

	public MovingClock() {
		this(Instant.parse("2026-12-02T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
	}

	public MovingClock(Instant start, ZoneId zone) {
		this.now = start;
		this.zone = zone;
	}

	/** Moves the clock forward by {@code time}. */
	public synchronized void pass(Duration time) {
		now = now.plus(time);
	}

	/** Sets the clock to {@code instant}, forward or back. */
	public void set(Instant instant) {
		now = instant;
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return new Clock() {
			@Override
			public Instant instant() {
				return MovingClock.this.instant();
			}

			@Override
			public ZoneId getZone() {
				return other;
			}

			@Override
			public Clock withZone(ZoneId third) {
				return MovingClock.this.withZone(third);
			}
		};
	}

	/**
	 * Puts a moving clock in the server's place: {@code @Import(MovingClock.InTheServer.class)} and
	 * {@code @Autowired MovingClock clock}. It starts at the system's time, so the database's own defaults agree.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class InTheServer {

		@Bean
		@Primary
		MovingClock movingClock(CloudroomSettings settings) {
			return new MovingClock(Instant.now(), settings.timeZone());
		}
	}
}
