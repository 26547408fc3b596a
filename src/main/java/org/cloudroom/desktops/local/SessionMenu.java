package org.cloudroom.desktops.local;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cloudroom.desktops.spi.MenuEntry;

/**
 * IceWM's start menu for one desktop: the programs given to its person first, then the desktop's own; the web
 * browser opens the profile's home page. IceWM reads the menu file again when it changes.
 */
final class SessionMenu {

	private static final Pattern BROWSER = Pattern.compile("(?m)^((prog .* )x-www-browser)$");
	private static final Pattern COLOUR = Pattern.compile("#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})");

	private SessionMenu() {
	}

	/**
	 * The desktop's own menu or toolbar, its browser the profile's default one ({@code browser}, when not empty)
	 * opening the home page when there is one.
	 */
	static String withBrowser(String base, String browser, String homePage) {
		var command = browser.replaceAll("[\\r\\n]", " ").strip();
		var page = homePage.matches("https?://[^\\s\"']+") ? " " + homePage : "";
		return BROWSER.matcher(base).replaceAll(match -> Matcher.quoteReplacement(
				(command.isEmpty() ? match.group(1) : match.group(2) + command) + page));
	}

	static String render(String base, List<MenuEntry> programs, boolean chinese) {
		if (programs.isEmpty()) {
			return base;
		}
		var menu = new StringBuilder();
		for (var program : programs) {
			var command = program.command().replaceAll("[\\r\\n]", " ").strip();
			if (command.isEmpty()) {
				continue;
			}
			var name = chinese && !program.chineseName().isBlank() ? program.chineseName() : program.name();
			var icon = program.icon().isBlank() || program.icon().matches(".*\\s.*") ? "-" : program.icon();
			var label = name.replaceAll("[\\r\\n]", " ").replace('"', '\'');
			menu.append("prog \"").append(label).append("\" ").append(icon).append(' ').append(command).append('\n');
		}
		return menu.append("separator\n").append(base).toString();
	}

	/** IceWM's setting for a background colour given as {@code #rrggbb}; nothing for anything else. */
	static String wallpaper(String colour) {
		var match = COLOUR.matcher(colour);
		return match.matches() ? "DesktopBackgroundColor=\"rgb:%s/%s/%s\"%n".formatted(match.group(1), match.group(2),
				match.group(3)) : "";
	}
}
