/**
 * Desktops: one cloud computer per person, started on demand, resumed on reconnect, stopped after a grace period
 * with nobody connected, and re-adopted after a server restart. How a desktop runs is the business of a
 * {@link org.cloudroom.desktops.spi.DesktopProvider} chosen by {@code cloudroom.desktops.provider}.
 */
@NullMarked
package org.cloudroom.desktops;

import org.jspecify.annotations.NullMarked;
