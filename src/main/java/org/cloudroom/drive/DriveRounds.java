package org.cloudroom.drive;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * What the drive does now and then, each at the interval its settings give: measuring homes ({@link UsageScan}),
 * telling full ones ({@link FullHomes}) and sealing the hand-ins now due ({@link HandIns#sealDue()}).
 */
@Component
class DriveRounds implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DriveRounds.class);

	private final DriveSettings settings;
	private final UsageScan scan;
	private final FullHomes fullHomes;
	private final HandIns handIns;

	DriveRounds(DriveSettings settings, UsageScan scan, FullHomes fullHomes, HandIns handIns) {
		this.settings = settings;
		this.scan = scan;
		this.fullHomes = fullHomes;
		this.handIns = handIns;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::scan, settings.scanEvery(), Duration.ofMinutes(1)));
		tasks.addFixedDelayTask(new FixedDelayTask(fullHomes::watch, settings.fullEvery(), Duration.ZERO));
		tasks.addFixedDelayTask(new FixedDelayTask(handIns::sealDue, settings.sealEvery(), Duration.ofSeconds(5)));
	}

	private void scan() {
		try {
			scan.scan();
		}
		catch (IOException e) {
			log.warn("could not scan the homes: {}", e.toString());
		}
	}
}
