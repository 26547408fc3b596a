package org.cloudroom.desktops.local;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cloudroom.desktops.spi.MenuEntry;

/**
 * IceWM's start menu for one desktop: the programs given to its person first, then the desktop's own; the web
 * browser opens the profile's home page. IceWM reads the menu file again when it changes.
 */
final class SessionMenu {

	private static final Pattern BROWSER = Pattern.compile("(?m)^((prog .* )x-www-browser)$");
	private static final Pattern PROG = Pattern.compile("(?m)^prog \"[^\"]*\" \\S+ (.+)$");
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

	/**
	 * The person's programs in their language above the desktop's own menu ({@code base}). A program the menu has
	 * already, by the program its command runs and that command's options (a web address left aside), is listed once,
	 * as the menu has it.
	 */
	static String render(String base, List<MenuEntry> programs, boolean chinese) {
		Set<String> listed = PROG.matcher(base).results().map(entry -> program(entry.group(1)))
			.collect(Collectors.toCollection(HashSet::new));
		var menu = new StringBuilder();
		for (var program : programs) {
			var command = program.command().replaceAll("[\\r\\n]", " ").strip();
			if (command.isEmpty() || !listed.add(program(command))) {
				continue;
			}
			var name = chinese && !program.chineseName().isBlank() ? program.chineseName() : program.name();
			var icon = program.icon().isBlank() || program.icon().matches(".*\\s.*") ? "-" : program.icon();
			var label = name.replaceAll("[\\r\\n]", " ").replace('"', '\'');
			menu.append("prog \"").append(label).append("\" ").append(icon).append(' ').append(command).append('\n');
		}
		return menu.isEmpty() ? base : menu.append("separator\n").append(base).toString();
	}

	/** What a command runs: its program's file name and its options, without a web address to open. */
	private static String program(String command) {
		var words = List.of(command.strip().split("\\s+"));
		var options = words.subList(1, words.size()).stream().filter(word -> !word.matches("https?://.*"))
			.collect(Collectors.joining(" "));
		return (words.getFirst().replaceFirst(".*/", "") + " " + options).strip();
	}

	/** IceWM's setting for a background colour given as {@code #rrggbb}; nothing for anything else. */
	static String wallpaper(String colour) {
		var match = COLOUR.matcher(colour);
		return match.matches() ? "DesktopBackgroundColor=\"rgb:%s/%s/%s\"%n".formatted(match.group(1), match.group(2),
				match.group(3)) : "";
	}
}
