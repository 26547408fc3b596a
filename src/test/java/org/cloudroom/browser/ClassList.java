package org.cloudroom.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** A class of students as a school admin's CSV lists them, with Chinese names and usernames no other test has. */
record ClassList(String className, List<Student> students) {

	static final String HEADER = "username,given_name,family_name,role,class,password";
	private static final String[] FAMILY = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };
	private static final String[] GIVEN = { "小明", "欣怡", "子涵", "浩然", "雨桐", "梓萱", "宇轩", "思远", "佳琪",
			"俊杰", "诗涵", "一诺", "晨阳" };

	record Student(String username, String familyName, String givenName) {

		String displayName() {
			return familyName + givenName;
		}

		String csvRow(String className) {
			return String.join(",", username, givenName, familyName, "student", className, "");
		}
	}

	static ClassList of(String className, int size) {
		return of("s" + UUID.randomUUID().toString().substring(0, 6) + "-", className, size);
	}

	/** Students whose usernames are the prefix and a number: {@code g5c2-01}, {@code g5c2-02}… */
	static ClassList of(String usernamePrefix, String className, int size) {
		return new ClassList(className, IntStream.rangeClosed(1, size)
			.mapToObj(i -> new Student(usernamePrefix + "%02d".formatted(i), FAMILY[i % FAMILY.length],
					GIVEN[i % GIVEN.length]))
			.toList());
	}

	String csv() {
		var text = new StringBuilder(HEADER).append("\r\n");
		students.forEach(s -> text.append(s.csvRow(className)).append("\r\n"));
		return text.toString();
	}

	Path writeTo(Path file) {
		return write(file, csv());
	}

	static Path write(Path file, String csv) {
		try {
			return Files.writeString(file, csv, StandardCharsets.UTF_8).toAbsolutePath();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
