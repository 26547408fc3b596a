package org.cloudroom.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway, under {@code cloudroom.gateway}.
 *
 * @param maxClipboard the largest clipboard text a browser may send to a desktop
 * @param maxConnectionsPerPerson how many gateway connections one person may hold open at once, to any desktops
 * (each costs the server two threads); more are refused with 429 before the upgrade
 * @param maxConnectionsPerDesktop how many connections one desktop may have at once, its owner's and watchers'
 * together: enough for a whole class watching the teacher's shown screen
 * @param meterFlushEvery how often the active minutes counted from input are written to the database
 * @param uplinkRefreshEvery how often the budgets of schools with open connections are read again, so that a new
 * budget reaches them
 */
@ConfigurationProperties("cloudroom.gateway")
record GatewaySettings(@DefaultValue("1MB") DataSize maxClipboard,
		@DefaultValue("8") int maxConnectionsPerPerson, @DefaultValue("60") int maxConnectionsPerDesktop,
		@DefaultValue("10s") Duration meterFlushEvery, @DefaultValue("3s") Duration uplinkRefreshEvery) {

	GatewaySettings {
		if (maxConnectionsPerPerson < 1 || maxConnectionsPerDesktop < 1) {
			throw new IllegalArgumentException(
					"cloudroom.gateway.max-connections-per-person and -per-desktop must be at least 1");
		}
	}
}
