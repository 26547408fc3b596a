package org.cloudroom.desktops;

import java.nio.file.Path;

import org.cloudroom.desktops.local.LocalDesktopProvider;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Picks the desktop provider named by {@code cloudroom.desktops.provider}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DesktopProviders {

	@Bean
	DesktopProvider desktopProvider(DesktopsSettings settings, @Value("${cloudroom.data}") Path data) {
		return switch (settings.provider()) {
			case "local" -> new LocalDesktopProvider(data, settings.startTimeout(), settings.opengl(),
					settings.ownNetwork(), settings.controlGroup());
			default -> throw new IllegalStateException("Unknown cloudroom.desktops.provider '" + settings.provider()
					+ "'; this build knows: local");
		};
	}
}
