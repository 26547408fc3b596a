package org.cloudroom.desktops.spi;

import java.util.UUID;

/**
 * A desktop a provider started, as the broker stores it to find it again after a restart.
 *
 * @param address where its VNC server listens, in the provider's terms (a Unix socket path, a host and port)
 * @param handle the provider's own handle (a process id, a pod name)
 */
public record RunningDesktop(UUID id, String address, String handle) {
}
