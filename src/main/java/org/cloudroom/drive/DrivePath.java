package org.cloudroom.drive;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;

/**
 * A place in a person's drive as written from outside, checked: relative, made of names separated by {@code /}, none
 * of them empty, {@code .} or {@code ..}, none with NUL, a backslash or over 255 bytes. The empty path is the drive
 * itself.
 */
record DrivePath(List<String> names) {

	static final int MAX_NAME_BYTES = 255;

	static DrivePath of(String text) {
		if (text.isEmpty()) {
			return new DrivePath(List.of());
		}
		if (text.startsWith("/")) {
			throw refused("drive.path.absolute", text);
		}
		var trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
		return new DrivePath(Arrays.stream(trimmed.split("/", -1)).map(DrivePath::checked).toList());
	}

	static String checked(String name) {
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw refused("drive.path.bad-name", name);
		}
		if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('/') >= 0) {
			throw refused("drive.path.bad-character", name.replace('\0', '?'));
		}
		if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
			throw refused("drive.path.too-long", MAX_NAME_BYTES);
		}
		return name;
	}

	/**
	 * Checks a path that is to be made or written from outside: besides what every name must be, no name may hold a
	 * control character or a bidirectional mark, embedding, override or isolate, which would hide or reorder what
	 * the name shows (a file that looks like {@code report.txt} but is {@code report\u202Etxt.exe}). Names that
	 * desktops made with them can still be opened, moved to a better name or deleted.
	 */
	DrivePath requireVisibleNames() {
		for (var name : names) {
			if (name.codePoints().anyMatch(DrivePath::isInvisible)) {
				throw new Refused(Status.UNPROCESSABLE, "drive.path.invisible-character", shown(name));
			}
		}
		return this;
	}

	/** A C0 or C1 control character, DEL, or a Unicode bidirectional mark, embedding, override or isolate. */
	static boolean isInvisible(int c) {
		return c < 0x20 || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
				|| c == 0x200e || c == 0x200f || c == 0x061c;
	}

	/** The name as it may be shown: each character that would hide or reorder text written as its code point. */
	static String shown(String name) {
		var shown = new StringBuilder();
		name.codePoints().forEach(c -> {
			if (isInvisible(c)) {
				shown.append(String.format(java.util.Locale.ROOT, "[U+%04X]", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		return shown.toString();
	}

	boolean isRoot() {
		return names.isEmpty();
	}

	String name() {
		return isRoot() ? "" : names.getLast();
	}

	DrivePath parent() {
		return isRoot() ? this : new DrivePath(names.subList(0, names.size() - 1));
	}

	DrivePath child(String name) {
		var more = new java.util.ArrayList<>(names);
		more.add(checked(name));
		return new DrivePath(List.copyOf(more));
	}

	boolean isWithin(DrivePath other) {
		return names.size() >= other.names.size() && names.subList(0, other.names.size()).equals(other.names);
	}

	@Override
	public String toString() {
		return String.join("/", names);
	}

	private static Refused refused(String key, Object arg) {
		return new Refused(Status.BAD_REQUEST, key, arg);
	}
}
