package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.Test;

class CsvTableTests {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
		var table = parse("username,given_name,note\n"
				+ "wang,\"Xiao, Ming\",\"He said \"\"hi\"\"\"\n"
				+ "li,Lei,\"first line\nsecond line\"\n"
				+ "zhao,Yun,plain\n");

		assertThat(table.rows()).hasSize(3);
		assertThat(table.rows().get(0).get("given_name")).isEqualTo("Xiao, Ming");
		assertThat(table.rows().get(0).get("note")).isEqualTo("He said \"hi\"");
		assertThat(table.rows().get(1).get("note")).isEqualTo("first line\nsecond line");
		assertThat(table.rows().get(2).line()).as("a line break inside quotes still counts as a line").isEqualTo(5);
	}

	@Test
	void readsWindowsLineEndings() {
		var table = parse("username,given_name\r\nwang,Ming\r\nli,Lei\r\n");

		assertThat(table.header()).containsExactly("username", "given_name");
		assertThat(table.rows()).extracting(row -> row.get("given_name")).containsExactly("Ming", "Lei");
		assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 3);
	}

	@Test
	void stripsTheByteOrderMarkExcelWrites() {
		var table = parse("\uFEFFusername,given_name\nwang,Ming\n");

		assertThat(table.header()).containsExactly("username", "given_name");
		assertThat(table.rows().getFirst().get("username")).isEqualTo("wang");
	}

	@Test
	void keepsChineseNames() {
		var table = parse("username,family_name,given_name\nwangxm,王,小明\n");

		assertThat(table.rows().getFirst().get("family_name")).isEqualTo("王");
		assertThat(table.rows().getFirst().get("given_name")).isEqualTo("小明");
	}

	@Test
	void ignoresBlankTrailingLines() {
		var table = parse("username,given_name\nwang,Ming\n\n\r\n\n");

		assertThat(table.rows()).hasSize(1);
	}

	@Test
	void lowerCasesTheHeader() {
		assertThat(parse(" UserName ,Given_Name\nwang,Ming\n").header()).containsExactly("username", "given_name");
	}

	@Test
	void refusesGbkTextNamingItsLine() {
		var bytes = new ByteArrayOutputStream();
		bytes.writeBytes("username,family_name,given_name\nlilei,李,雷\nwangxm,".getBytes(UTF_8));
		bytes.writeBytes("王,小明\n".getBytes(Charset.forName("GBK")));

		var refused = refusal(bytes.toByteArray());

		assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE);
		assertThat(refused.messageKey()).isEqualTo("import.not-utf8");
		assertThat(refused.problems()).extracting(FieldProblem::row).containsExactly(3);
	}

	@Test
	void refusesAQuoteThatIsNeverClosed() {
		var refused = refusal("username,given_name\nwang,Ming\nli,\"Lei\nzhao,Yun\n".getBytes(UTF_8));

		assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE);
		assertThat(refused.messageKey()).isEqualTo("import.quote-open");
		assertThat(refused.problems()).extracting(FieldProblem::row).containsExactly(3);
	}

	@Test
	void refusesAFieldWithTextAfterItsClosingQuote() {
		var refused = refusal("username,given_name\nwang,\"Ming\"x\n".getBytes(UTF_8));

		assertThat(refused.messageKey()).isEqualTo("import.quote-misplaced");
		assertThat(refused.problems()).extracting(FieldProblem::row).containsExactly(2);
	}

	@Test
	void reportsEachMissingColumn() {
		var table = parse("username,given_name\nwang,Ming\n");

		var refused = catchThrowableOfType(Refused.class,
				() -> table.require("username", "given_name", "family_name", "role"));

		assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE);
		assertThat(refused.problems()).extracting(FieldProblem::row, FieldProblem::column, FieldProblem::message)
			.containsExactly(tuple(1, "family_name", "import.column-missing"),
					tuple(1, "role", "import.column-missing"));
	}

	@Test
	void refusesAFileWithoutHeader() {
		assertThat(refusal(new byte[0]).messageKey()).isEqualTo("import.no-header");
	}

	private static CsvTable parse(String text) {
		return CsvTable.parse(text.getBytes(UTF_8), null);
	}

	private static Refused refusal(byte[] bytes) {
		var refused = catchThrowableOfType(Refused.class, () -> CsvTable.parse(bytes, null));
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}
}
