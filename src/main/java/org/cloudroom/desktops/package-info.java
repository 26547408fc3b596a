/**
 * Desktops: one cloud computer per person, started on demand, resumed on reconnect, stopped after a grace period
 * with nobody connected, and re-adopted after a server restart. It offers {@link org.cloudroom.desktops.Desktops}
 * (start, find, connect to and stop a person's {@link org.cloudroom.desktops.Desktop}) and announces
 * {@link org.cloudroom.desktops.DesktopStarted}, {@link org.cloudroom.desktops.DesktopStopped} and
 * {@link org.cloudroom.desktops.DesktopLimitReached}; it provides the drive's {@code HomeOwners} and listens to
 * {@code AppsChanged} to refresh running desktops' menus. How a desktop runs is the business of a
 * {@link org.cloudroom.desktops.spi.DesktopProvider} chosen by {@code cloudroom.desktops.provider}.
 */
@NullMarked
package org.cloudroom.desktops;

import org.jspecify.annotations.NullMarked;
