package org.cloudroom.desktops;

import java.time.Clock;

import org.cloudroom.CloudroomSettings;
import org.cloudroom.desktops.local.LocalDesktopProvider;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the desktop provider named by {@code cloudroom.desktops.provider}. */
@Configuration(proxyBeanMethods = false)
class DesktopProviders {

	@Bean
	DesktopProvider desktopProvider(DesktopsSettings settings, CloudroomSettings cloudroom, Clock clock) {
		return switch (settings.provider()) {
			case "local" -> new LocalDesktopProvider(cloudroom.data(), settings.startTimeout(), settings.opengl(),
					settings.ownNetwork(), settings.controlGroup(), clock, settings.frameRate());
			default -> throw new IllegalStateException("Unknown cloudroom.desktops.provider '" + settings.provider()
					+ "'; this build knows: local");
		};
	}
}
