package org.cloudroom.desktops.spi;

/**
 * A program the desktop's start menu offers.
 *
 * @param name its name in English
 * @param chineseName its name in Chinese, or the English one when it has none
 * @param icon an icon name of the desktop's icon theme, or a path; empty for none
 * @param command the command line that starts it
 */
public record MenuEntry(String name, String chineseName, String icon, String command) {
}
