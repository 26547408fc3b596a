package org.cloudroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Pages show times on the schools' clock, whatever offset a time was stored or read back with. */
class TimesTests {

	private final Times beijing = new Times(Clock.system(ZoneId.of("Asia/Shanghai")));

	@Test
	void showsATimeStoredInUtcInTheSchoolsZone() {
		var started = OffsetDateTime.parse("2026-12-02T00:05:00Z");

		assertThat(beijing.minute(started)).isEqualTo("2026-12-02 08:05");
		assertThat(beijing.time(started)).isEqualTo("08:05");
		assertThat(beijing.zone()).isEqualTo("Asia/Shanghai");
		assertThat(beijing.minute(Instant.parse("2026-12-01T16:30:00Z"))).isEqualTo("2026-12-02 00:30");
	}

	@Test
	void showsALocalTimeAsItIsAndNoTimeAsNothing() {
		assertThat(beijing.minute(LocalDateTime.parse("2026-12-02T09:00"))).isEqualTo("2026-12-02 09:00");
		assertThat(beijing.minute(null)).isEmpty();
		assertThat(beijing.time(null)).isEmpty();
	}
}
