package org.cloudroom.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.Test;

class DrivePathTests {

	@Test
	void readsNamesSeparatedBySlashes() {
		assertThat(DrivePath.of("作业/第一周/报告.docx").names()).containsExactly("作业", "第一周", "报告.docx");
		assertThat(DrivePath.of("").isRoot()).isTrue();
		assertThat(DrivePath.of("photos/").names()).containsExactly("photos");
	}

	@Test
	void refusesParentFolders() {
		assertRefused("../secret", "drive.path.bad-name");
		assertRefused("a/../../b", "drive.path.bad-name");
		assertRefused("a/./b", "drive.path.bad-name");
		assertRefused("a//b", "drive.path.bad-name");
	}

	@Test
	void refusesAbsolutePaths() {
		assertRefused("/etc/passwd", "drive.path.absolute");
	}

	@Test
	void refusesNulAndBackslashes() {
		assertRefused("a\0b", "drive.path.bad-character");
		assertRefused("..\\..\\windows", "drive.path.bad-character");
	}

	@Test
	void refusesNamesOverTwoHundredFiftyFiveBytes() {
		assertThat(DrivePath.of("字".repeat(85)).name()).hasSize(85);
		assertRefused("字".repeat(86), "drive.path.too-long");
	}

	@Test
	void refusesNewNamesWithControlCharactersOrTextDirectionMarksAndShowsThemEscaped() {
		for (var name : new String[] { "a\tb", "a\u007Fb", "a\u0085b", "report\u202Etxt.exe", "a\u2066b", "a\u200Eb",
				"a\u061Cb" }) {
			assertThatThrownBy(() -> DrivePath.of("ok/" + name).requireVisibleNames()).isInstanceOfSatisfying(
					Refused.class, refused -> assertThat(refused.status()).isEqualTo(Status.UNPROCESSABLE));
		}
		assertThat(DrivePath.of("作业/report\u202Etxt.exe").name()).isEqualTo("report\u202Etxt.exe");
		assertThat(DrivePath.shown("report\u202Etxt.exe\n")).isEqualTo("report[U+202E]txt.exe[U+000A]");
		assertThat(DrivePath.of("作业/اَلْعَرَبِيَّةُ עברית.txt").requireVisibleNames().name()).isEqualTo("اَلْعَرَبِيَّةُ עברית.txt");
	}

	private static void assertRefused(String path, String key) {
		assertThatThrownBy(() -> DrivePath.of(path)).isInstanceOfSatisfying(Refused.class,
				refused -> assertThat(refused.messageKey()).isEqualTo(key));
	}
}
