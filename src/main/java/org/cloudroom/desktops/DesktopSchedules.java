package org.cloudroom.desktops;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** What desktops do on their own, at the intervals their settings give. */
@Component
class DesktopSchedules implements SchedulingConfigurer {

	private final DesktopsSettings settings;
	private final GracePeriods gracePeriods;
	private final ScreenFirst screenFirst;
	private final DesktopLimits limits;

	DesktopSchedules(DesktopsSettings settings, GracePeriods gracePeriods, ScreenFirst screenFirst,
			DesktopLimits limits) {
		this.settings = settings;
		this.gracePeriods = gracePeriods;
		this.screenFirst = screenFirst;
		this.limits = limits;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(gracePeriods::check, settings.checkEvery(), settings.checkEvery()));
		tasks.addFixedDelayTask(screenFirst::startSessions, settings.sessionCheckEvery());
		tasks.addFixedDelayTask(limits::watch, settings.limitsEvery());
	}
}
