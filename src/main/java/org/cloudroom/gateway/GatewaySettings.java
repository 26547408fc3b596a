package org.cloudroom.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway, under {@code cloudroom.gateway}.
 *
 * @param maxClipboard the largest clipboard text a browser may send to a desktop
 */
@ConfigurationProperties("cloudroom.gateway")
public record GatewaySettings(@DefaultValue("1MB") DataSize maxClipboard) {
}
