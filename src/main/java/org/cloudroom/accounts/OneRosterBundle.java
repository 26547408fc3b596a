package org.cloudroom.accounts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;

/**
 * A OneRoster 1.1 CSV bundle, as school information systems export it: a zip with {@code manifest.csv},
 * {@code users.csv}, {@code classes.csv} and {@code enrollments.csv}. Students, teachers and administrators
 * become people; parents, guardians and the like get no account and are counted as skipped.
 */
final class OneRosterBundle {

	static final Set<String> NEEDED = Set.of("manifest.csv", "users.csv", "classes.csv", "enrollments.csv");
	private static final Set<String> WITHOUT_ACCOUNT = Set.of("aide", "guardian", "parent", "proctor", "relative");
	private static final int MAX_ENTRIES = 64;

	record Content(List<RosterRow> rows, int skipped) {
	}

	private OneRosterBundle() {
	}

	/** Reads the bundle; no file inside may unpack past {@code limit} bytes (a zip bomb is refused, not unpacked). */
	static Content read(byte[] zip, long limit) {
		var files = unzip(zip, limit);
		var missing = NEEDED.stream().filter(name -> !files.containsKey(name)).sorted()
			.map(name -> new FieldProblem(name, 0, "", "oneroster.file-missing", name)).toList();
		if (!missing.isEmpty()) {
			throw new Refused(Status.UNPROCESSABLE, missing, "import.refused", missing.size());
		}
		var problems = new ArrayList<FieldProblem>();
		var classes = CsvTable.parse(files.get("classes.csv"), "classes.csv").require("sourcedid", "title");
		var titles = new HashMap<String, String>();
		for (var row : classes.rows()) {
			if (active(row)) {
				titles.put(row.get("sourcedid").strip(), row.get("title").strip());
			}
		}
		var users = CsvTable.parse(files.get("users.csv"), "users.csv")
			.require("sourcedid", "role", "username", "givenname", "familyname");
		var enrollments = CsvTable.parse(files.get("enrollments.csv"), "enrollments.csv")
			.require("classsourcedid", "usersourcedid");
		var classesOf = new HashMap<String, List<String>>();
		for (var row : enrollments.rows()) {
			if (!active(row)) {
				continue;
			}
			var title = titles.get(row.get("classsourcedid").strip());
			if (title == null) {
				problems.add(new FieldProblem("enrollments.csv", row.line(), "classSourcedId",
						"oneroster.class-unknown", row.get("classsourcedid")));
				continue;
			}
			classesOf.computeIfAbsent(row.get("usersourcedid").strip(), id -> new ArrayList<>()).add(title);
		}
		var people = new ArrayList<RosterRow>();
		var known = new HashMap<String, Integer>();
		int skipped = 0;
		for (var row : users.rows()) {
			var role = row.get("role").strip().toLowerCase(Locale.ROOT);
			if (!active(row) || "false".equalsIgnoreCase(row.get("enableduser").strip())
					|| WITHOUT_ACCOUNT.contains(role)) {
				skipped++;
				continue;
			}
			var id = row.get("sourcedid").strip();
			known.put(id, row.line());
			people.add(new RosterRow("users.csv", row.line(), row.get("username"), row.get("givenname"),
					row.get("familyname"), role, classesOf.getOrDefault(id, List.of()), blankToNull(row.get("password"))));
		}
		for (var row : enrollments.rows()) {
			var user = row.get("usersourcedid").strip();
			if (active(row) && !known.containsKey(user) && users.rows().stream()
				.noneMatch(u -> u.get("sourcedid").strip().equals(user))) {
				problems.add(new FieldProblem("enrollments.csv", row.line(), "userSourcedId", "oneroster.user-unknown",
						user));
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(Status.UNPROCESSABLE, problems, "import.refused", problems.size());
		}
		return new Content(people, skipped);
	}

	private static boolean active(CsvTable.Row row) {
		return !"tobedeleted".equalsIgnoreCase(row.get("status").strip());
	}

	private static String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}

	private static Map<String, byte[]> unzip(byte[] zip, long limit) {
		var files = new LinkedHashMap<String, byte[]>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			int entries = 0;
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (++entries > MAX_ENTRIES) {
					throw new Refused(Status.UNPROCESSABLE, "oneroster.not-a-bundle");
				}
				var name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
				if (entry.isDirectory() || !NEEDED.contains(name)) {
					continue;
				}
				var content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
				if (content.length > limit) {
					throw new Refused(Status.TOO_LARGE, "import.too-large", limit / (1024 * 1024));
				}
				files.put(name, content);
			}
		}
		catch (ZipException e) {
			throw new Refused(Status.UNPROCESSABLE, "oneroster.not-a-bundle");
		}
		catch (IOException e) {
			throw new Refused(Status.UNPROCESSABLE, "oneroster.not-a-bundle");
		}
		if (files.isEmpty()) {
			throw new Refused(Status.UNPROCESSABLE, "oneroster.not-a-bundle");
		}
		return files;
	}
}
