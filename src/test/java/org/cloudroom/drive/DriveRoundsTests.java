package org.cloudroom.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The drive's rounds run at the intervals of its settings, which keep the property names and defaults of old. */
class DriveRoundsTests {

	@Test
	void theRoundsRunAtTheIntervalsTheSettingsGiveWithTheirDefaults() {
		var defaults = settings(Map.of());
		var set = settings(Map.of("cloudroom.drive.scan-every", "7m", "cloudroom.drive.full-every", "4s",
				"cloudroom.drive.seal-every", "40s"));

		assertThat(intervals(defaults)).containsExactly(Duration.ofMinutes(10), Duration.ofSeconds(3),
				Duration.ofSeconds(30));
		assertThat(intervals(set)).containsExactly(Duration.ofMinutes(7), Duration.ofSeconds(4),
				Duration.ofSeconds(40));
		assertThat(defaults.fullScanEvery()).isEqualTo(Duration.ofDays(1));
	}

	private static DriveSettings settings(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("cloudroom.drive",
				DriveSettings.class);
	}

	private static java.util.List<Duration> intervals(DriveSettings settings) {
		var tasks = new ScheduledTaskRegistrar();
		new DriveRounds(settings, mock(UsageScan.class), mock(FullHomes.class), mock(HandIns.class))
			.configureTasks(tasks);
		return tasks.getFixedDelayTaskList().stream().map(IntervalTask::getIntervalDuration).toList();
	}
}
