package org.cloudroom.classroom;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** The computer room's periodic work, at the intervals of {@link ClassroomSettings}. */
@Component
class ClassroomSchedule implements SchedulingConfigurer {

	private final ClassroomSettings settings;
	private final WarmStart warmStart;
	private final Thumbnails thumbnails;

	ClassroomSchedule(ClassroomSettings settings, WarmStart warmStart, Thumbnails thumbnails) {
		this.settings = settings;
		this.warmStart = warmStart;
		this.thumbnails = thumbnails;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(warmStart::check, settings.warmCheckEvery(),
				settings.warmCheckEvery()));
		var idleCheck = settings.thumbnailsIdle().dividedBy(2);
		tasks.addFixedDelayTask(new FixedDelayTask(thumbnails::stopIdle, idleCheck, idleCheck));
	}
}
