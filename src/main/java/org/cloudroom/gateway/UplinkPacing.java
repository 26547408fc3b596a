package org.cloudroom.gateway;

import java.util.OptionalLong;

import org.cloudroom.accounts.School;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.accounts.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The schools' {@link Uplinks}, paced on {@link System#nanoTime()} (pacing, not the schools' clock), their budgets
 * read from the school and read again every {@link GatewaySettings#uplinkRefreshEvery()} for open connections.
 */
@Configuration(proxyBeanMethods = false)
class UplinkPacing implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(UplinkPacing.class);

	private final Uplinks uplinks;
	private final GatewaySettings settings;

	UplinkPacing(Schools schools, GatewaySettings settings) {
		this.uplinks = new Uplinks(System::nanoTime, school -> budget(schools, school));
		this.settings = settings;
	}

	/** The school's budget in bytes a second; a database that does not answer leaves its connections unpaced. */
	private static OptionalLong budget(Schools schools, SchoolId school) {
		try {
			return schools.find(school).map(School::uplinkKbps).map(kbps -> OptionalLong.of(kbps * 1000L / 8))
				.orElse(OptionalLong.empty());
		}
		catch (DataAccessException e) {
			log.warn("Could not read the uplink of school {}: {}", school, e.getMessage());
			return OptionalLong.empty();
		}
	}

	@Bean
	Uplinks uplinks() {
		return uplinks;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(uplinks::refresh, settings.uplinkRefreshEvery());
	}
}
