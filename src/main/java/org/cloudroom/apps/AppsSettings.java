package org.cloudroom.apps;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the apps, under {@code cloudroom.apps}.
 *
 * @param applications where the desktop hosts' {@code .desktop} entries are
 * @param installer the package tool the operator's one-click installs run ({@code apt-get})
 * @param installTimeout how long an install may take before it is given up
 */
@ConfigurationProperties("cloudroom.apps")
record AppsSettings(@DefaultValue("/usr/share/applications") Path applications,
		@DefaultValue("apt-get") String installer, @DefaultValue("30m") Duration installTimeout) {
}
