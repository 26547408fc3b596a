package org.cloudroom.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file as RFC 4180 writes it: a header line, quoted fields that may hold commas, quotes and line breaks.
 * Only UTF-8 is read (with or without a byte-order mark); anything else is refused rather than guessed.
 *
 * @param file the file's name in a bundle, or {@code null}
 * @param header the column names, lower-cased
 * @param rows each row's fields by column name, with its 1-based line number (the header is line 1)
 */
record CsvTable(@Nullable String file, List<String> header, List<Row> rows) {

	record Row(int line, Map<String, String> fields) {

		String get(String column) {
			return fields.getOrDefault(column, "");
		}
	}

	static CsvTable parse(byte[] bytes, @Nullable String file) {
		var text = utf8(bytes, file);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		var records = records(text, file);
		if (records.isEmpty()) {
			throw new Refused(Status.UNPROCESSABLE, List.of(new FieldProblem(file, 1, "", "import.no-header")),
					"import.no-header");
		}
		var header = records.getFirst().fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		var rows = new ArrayList<Row>();
		for (var record : records.subList(1, records.size())) {
			if (record.fields().size() == 1 && record.fields().getFirst().isBlank()) {
				continue;
			}
			var fields = new HashMap<String, String>();
			for (int i = 0; i < header.size() && i < record.fields().size(); i++) {
				fields.put(header.get(i), record.fields().get(i));
			}
			rows.add(new Row(record.line(), fields));
		}
		return new CsvTable(file, header, rows);
	}

	/** Refuses the file unless it has every one of these columns. */
	CsvTable require(String... columns) {
		var missing = new ArrayList<FieldProblem>();
		for (var column : columns) {
			if (!header.contains(column)) {
				missing.add(new FieldProblem(file, 1, column, "import.column-missing", column));
			}
		}
		if (!missing.isEmpty()) {
			throw new Refused(Status.UNPROCESSABLE, missing, "import.refused", missing.size());
		}
		return this;
	}

	private record Record(int line, List<String> fields) {
	}

	private static String utf8(byte[] bytes, @Nullable String file) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException e) {
			throw new Refused(Status.UNPROCESSABLE, List.of(new FieldProblem(file, lineOfFirstBadByte(bytes), "",
					"import.not-utf8")), "import.not-utf8");
		}
	}

	private static int lineOfFirstBadByte(byte[] bytes) {
		var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
		int line = 1;
		int start = 0;
		for (int i = 0; i <= bytes.length; i++) {
			if (i == bytes.length || bytes[i] == '\n') {
				try {
					decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
				}
				catch (CharacterCodingException e) {
					return line;
				}
				line++;
				start = i + 1;
			}
		}
		return line;
	}

	private static List<Record> records(String text, @Nullable String file) {
		var records = new ArrayList<Record>();
		var fields = new ArrayList<String>();
		var field = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		boolean quoted = false;
		boolean wasQuoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				records.add(new Record(recordLine, List.copyOf(fields)));
				fields.clear();
				field.setLength(0);
				wasQuoted = false;
				line++;
				recordLine = line;
			}
			else if (wasQuoted) {
				throw new Refused(Status.UNPROCESSABLE,
						List.of(new FieldProblem(file, line, "", "import.quote-misplaced")), "import.quote-misplaced");
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new Refused(Status.UNPROCESSABLE, List.of(new FieldProblem(file, recordLine, "", "import.quote-open")),
					"import.quote-open");
		}
		if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
			fields.add(field.toString());
			records.add(new Record(recordLine, List.copyOf(fields)));
		}
		return records;
	}
}
