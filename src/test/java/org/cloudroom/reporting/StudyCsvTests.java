package org.cloudroom.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A cell of a CSV file stays one cell, and never turns into a formula in Excel or WPS. */
class StudyCsvTests {

	@Test
	void quotesCommasQuotesAndLineBreaks() {
		assertThat(StudyCsv.cell("王小明")).isEqualTo("王小明");
		assertThat(StudyCsv.cell("Li, Jr")).isEqualTo("\"Li, Jr\"");
		assertThat(StudyCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(StudyCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
	}

	@Test
	void writesCellsThatStartLikeAFormulaAfterAnApostrophe() {
		assertThat(StudyCsv.cell("=1+2")).isEqualTo("'=1+2");
		assertThat(StudyCsv.cell("+86 10")).isEqualTo("'+86 10");
		assertThat(StudyCsv.cell("-2")).isEqualTo("'-2");
		assertThat(StudyCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(StudyCsv.cell("\tx")).isEqualTo("'\tx");
		assertThat(StudyCsv.cell("=A1,B1")).isEqualTo("\"'=A1,B1\"");
	}
}
