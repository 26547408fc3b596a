package org.cloudroom;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schools' clock: lessons, due times, the days of study time and every time a page shows are in
 * {@code cloudroom.time-zone} (default Asia/Shanghai), whatever zone the server's system runs in.
 */
@Configuration(proxyBeanMethods = false)
class SchoolClock {

	@Bean
	Clock clock(CloudroomSettings settings) {
		return Clock.system(settings.timeZone());
	}
}
