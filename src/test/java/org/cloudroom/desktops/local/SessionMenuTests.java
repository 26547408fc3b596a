package org.cloudroom.desktops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cloudroom.desktops.spi.MenuEntry;
import org.junit.jupiter.api.Test;

class SessionMenuTests {

	private static final String BASE = """
			prog "Files" system-file-manager pcmanfm
			prog "Web browser" web-browser x-www-browser
			""";

	@Test
	void putsThePersonsProgramsFirstInTheirLanguage() {
		var menu = SessionMenu.render(BASE, List.of(new MenuEntry("MuseScore 3", "MuseScore 3 乐谱", "mscore3",
				"mscore3 --force"), new MenuEntry("XTerm", "", "", "xterm")), true);

		assertThat(menu).isEqualTo("""
				prog "MuseScore 3 乐谱" mscore3 mscore3 --force
				prog "XTerm" - xterm
				separator
				""" + BASE);
		assertThat(SessionMenu.render(BASE, List.of(), true)).isEqualTo(BASE);
	}

	@Test
	void aProgramGivenThatTheMenuHasAlreadyIsListedOnce() {
		var base = SessionMenu.withBrowser("""
				prog "文字处理" libreoffice-writer libreoffice --writer
				prog "网页浏览器" web-browser x-www-browser
				""", "/usr/bin/chromium", "https://www.example.edu/");
		var writer = new MenuEntry("LibreOffice Writer", "LibreOffice 文字处理", "libreoffice-writer",
				"libreoffice  --writer");
		var chromium = new MenuEntry("Chromium", "Chromium 网页浏览器", "chromium", "chromium");
		var scratch = new MenuEntry("Scratch", "Scratch 少儿编程", "scratch", "scratch");

		assertThat(SessionMenu.render(base, List.of(writer, scratch, chromium, scratch), true)).isEqualTo("""
				prog "Scratch 少儿编程" scratch scratch
				separator
				""" + base);
		assertThat(SessionMenu.render(base, List.of(writer, chromium), true)).isEqualTo(base);
	}

	@Test
	void aNameOrCommandCannotBreakOutOfItsLine() {
		var menu = SessionMenu.render("", List.of(new MenuEntry("Evil\"\nprog \"x", "", "bad icon", "a\nb")), false);

		assertThat(menu.lines()).containsExactly("prog \"Evil' prog 'x\" - a b", "separator");
	}

	@Test
	void theBrowserOpensTheHomePageAndTheWallpaperIsIceWmsColour() {
		assertThat(SessionMenu.withBrowser(BASE, "", "https://www.example.edu/start")).contains(
				"prog \"Web browser\" web-browser x-www-browser https://www.example.edu/start\n");
		assertThat(SessionMenu.withBrowser(BASE, "", "")).isEqualTo(BASE);
		assertThat(SessionMenu.withBrowser(BASE, "", "https://a.b/ ; rm -rf ~")).isEqualTo(BASE);
		assertThat(SessionMenu.wallpaper("#aa3300")).isEqualTo("DesktopBackgroundColor=\"rgb:aa/33/00\"\n");
		assertThat(SessionMenu.wallpaper("")).isEmpty();
	}

	@Test
	void theProfilesDefaultBrowserTakesThePlaceOfTheSessionsOwn() {
		assertThat(SessionMenu.withBrowser(BASE, "/usr/bin/chromium", "https://www.example.edu/")).contains(
				"prog \"Web browser\" web-browser /usr/bin/chromium https://www.example.edu/\n")
			.doesNotContain("x-www-browser");
	}
}
