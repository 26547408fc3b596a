package org.cloudroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module owns which table, read from the migrations: a SQL migration says whose it is on its first line
 * ({@code -- drive: ...}), a Java migration in its name ({@code V20__classroom_...}); the tables it creates are that
 * module's. And where a piece of code or SQL names a table that is not its module's.
 */
public final class TableOwners {

	static final Path MODULES = Path.of("src/main/java/org/cloudroom");

	private static final Path SQL_MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path JAVA_MIGRATIONS = Path.of("src/main/java/db/migration");

	/** Migrations written before the first-line rule, and their owners; a migration cannot be edited once applied. */
	private static final Map<String, String> BEFORE_THE_RULE = Map.of("V14__web_sessions.sql", "accounts");

	private static final Pattern HEADER = Pattern.compile("^-- ([a-z]+):");

	private static final Pattern CREATED = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	/** A table named where a statement reads or writes it. */
	private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+(\\w+)");

	private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\])*)\"", Pattern.DOTALL);

	private final Map<String, String> owners = new TreeMap<>();

	private final List<String> problems = new ArrayList<>();

	private TableOwners() {
	}

	/** The owners as the migrations declare them, with any problem in the declaring. */
	public static TableOwners read() {
		var read = new TableOwners();
		var modules = modules();
		for (var migration : list(SQL_MIGRATIONS, ".sql")) {
			var text = text(migration);
			var name = migration.getFileName().toString();
			var header = HEADER.matcher(text);
			var module = header.find() ? header.group(1) : BEFORE_THE_RULE.get(name);
			read.own(name, module, text, modules);
		}
		for (var migration : list(JAVA_MIGRATIONS, ".java")) {
			var name = migration.getFileName().toString();
			read.own(name, name.replaceFirst("^V\\d+__([a-z]+).*", "$1"), text(migration), modules);
		}
		return read;
	}

	private void own(String migration, String module, String text, Set<String> modules) {
		if (module == null || !modules.contains(module)) {
			problems.add(migration + " does not say which module owns it: begin it with '-- <module>: what it keeps'");
			return;
		}
		var created = CREATED.matcher(text);
		while (created.find()) {
			var table = created.group(1).toLowerCase(Locale.ROOT);
			var before = owners.putIfAbsent(table, module);
			if (before != null && !before.equals(module)) {
				problems.add(migration + " creates " + table + ", which " + before + " owns already");
			}
		}
		for (var named : names(text)) {
			if (owners.containsKey(named) && !owners.get(named).equals(module)) {
				problems.add(migration + " (" + module + ") changes " + named + ", which " + owners.get(named) + " owns");
			}
		}
	}

	public Map<String, String> owners() {
		return owners;
	}

	public List<String> problems() {
		return problems;
	}

	/**
	 * What {@code source}, a Java file of {@code module}, names of other modules' tables in its string literals:
	 * "drive/Trash.java names desktop_account (desktops)".
	 */
	public List<String> foreignTables(String module, String file, String source) {
		var found = new ArrayList<String>();
		var joined = source.replaceAll("\"\\s*\\+\\s*\"", "");
		var literals = LITERAL.matcher(joined);
		while (literals.find()) {
			var literal = literals.group(1) != null ? literals.group(1) : literals.group(2);
			for (var table : names(literal)) {
				var owner = owners.get(table);
				if (owner != null && !owner.equals(module)) {
					found.add(file + " names " + table + " (" + owner + ")");
				}
			}
		}
		return found;
	}

	private static Set<String> names(String sql) {
		var names = new TreeSet<String>();
		var named = NAMED.matcher(sql.replaceAll("--[^\n]*", ""));
		while (named.find()) {
			names.add(named.group(1).toLowerCase(Locale.ROOT));
		}
		return names;
	}

	/** The modules: the packages right under org.cloudroom. */
	public static Set<String> modules() {
		try (var folders = Files.list(MODULES)) {
			return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString())
				.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<Path> list(Path folder, String suffix) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
