package org.cloudroom.gateway;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Writes the {@link StudyMeter}'s counts every {@link GatewaySettings#meterFlushEvery()}. */
@Configuration(proxyBeanMethods = false)
class MeterFlushing implements SchedulingConfigurer {

	private final StudyMeter meter;
	private final GatewaySettings settings;

	MeterFlushing(StudyMeter meter, GatewaySettings settings) {
		this.meter = meter;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(meter::flush, settings.meterFlushEvery());
	}
}
