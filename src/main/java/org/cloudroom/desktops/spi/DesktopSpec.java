package org.cloudroom.desktops.spi;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * What to start: a desktop for one person, with their home as its only persistent writable place.
 *
 * @param id the desktop's id, unique for its lifetime
 * @param username the person's username, shown as the desktop's name
 * @param home the person's home directory on the desktop host
 * @param uid the uid the desktop runs under, its own for each person
 * @param locale the language of the desktop
 */
public record DesktopSpec(UUID id, String username, Path home, int uid, Locale locale, int width, int height) {
}
