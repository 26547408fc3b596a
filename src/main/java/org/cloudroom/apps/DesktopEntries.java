package org.cloudroom.apps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the freedesktop.org {@code .desktop} entries of a host: the {@code [Desktop Entry]} group of type
 * Application, skipping hidden ones, those without a name or command, and whatever is not text.
 */
final class DesktopEntries {

	private static final Pattern FIELD_CODE = Pattern.compile("\\s*%[fFuUdDnNickvm]");
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._+-]{1,200}");
	private static final long MAX_SIZE = 256 * 1024;

	private DesktopEntries() {
	}

	static List<App> in(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (var files = Files.list(directory)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".desktop")).sorted()
				.flatMap(f -> read(f).stream()).toList();
		}
		catch (IOException e) {
			return List.of();
		}
	}

	static Optional<App> read(Path file) {
		var name = file.getFileName().toString();
		var id = name.substring(0, name.length() - ".desktop".length());
		try {
			if (!ID.matcher(id).matches() || !Files.isRegularFile(file) || Files.size(file) > MAX_SIZE) {
				return Optional.empty();
			}
			return parse(id, Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	static Optional<App> parse(String id, String text) {
		var keys = entryGroup(text);
		var exec = exec(keys.getOrDefault("Exec", ""));
		var name = keys.getOrDefault("Name", "").strip();
		if (!"Application".equals(keys.get("Type")) || "true".equals(keys.get("NoDisplay"))
				|| "true".equals(keys.get("Hidden")) || name.isEmpty() || exec.isEmpty()) {
			return Optional.empty();
		}
		var categories = Arrays.stream(keys.getOrDefault("Categories", "").split(";")).map(String::strip)
			.filter(c -> !c.isEmpty()).toList();
		return Optional.of(new App(id, name, chinese(keys, "Name"), keys.getOrDefault("Comment", "").strip(),
				chinese(keys, "Comment"), keys.getOrDefault("Icon", "").strip(), categories, exec, null, true));
	}

	private static Map<String, String> entryGroup(String text) {
		var keys = new HashMap<String, String>();
		boolean inEntry = false;
		for (var line : text.split("\r?\n")) {
			var stripped = line.strip();
			if (stripped.startsWith("[")) {
				inEntry = stripped.equals("[Desktop Entry]");
				continue;
			}
			int eq = stripped.indexOf('=');
			if (inEntry && eq > 0 && !stripped.startsWith("#")) {
				keys.putIfAbsent(stripped.substring(0, eq).strip(), unescape(stripped.substring(eq + 1).strip()));
			}
		}
		return keys;
	}

	private static String chinese(Map<String, String> keys, String key) {
		for (var locale : List.of("zh_CN", "zh_Hans", "zh")) {
			var value = keys.get(key + "[" + locale + "]");
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return "";
	}

	/** The command without field codes ({@code %f}, {@code %U}...), which a menu has no file or address for. */
	private static String exec(String exec) {
		var command = FIELD_CODE.matcher(exec).replaceAll("").replace("%%", "%").strip();
		return command.chars().anyMatch(c -> c < 0x20) ? "" : command;
	}

	private static String unescape(String value) {
		var out = new StringBuilder();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				out.append(switch (next) {
					case 's' -> " ";
					case 'n', 't', 'r' -> " ";
					default -> String.valueOf(next);
				});
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
