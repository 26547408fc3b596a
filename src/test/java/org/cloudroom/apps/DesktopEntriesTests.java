package org.cloudroom.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopEntriesTests {

	@Test
	void readsNamesInBothLanguagesCategoriesAndTheCommandWithoutFieldCodes() {
		var app = DesktopEntries.parse("org.musescore.MuseScore3", """
				# a comment
				[Desktop Entry]
				Type=Application
				Name=MuseScore 3
				Name[zh_CN]=MuseScore 3 乐谱
				Comment=Create, play and print sheet music
				Comment[zh_CN]=创建、播放和打印乐谱
				Icon=mscore3
				Categories=Audio;Education;;
				Exec=mscore3 --force %F

				[Desktop Action NewScore]
				Name=New score
				Exec=mscore3 --new
				""").orElseThrow();

		assertThat(app.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("MuseScore 3 乐谱");
		assertThat(app.name(Locale.ENGLISH)).isEqualTo("MuseScore 3");
		assertThat(app.comment(Locale.SIMPLIFIED_CHINESE)).isEqualTo("创建、播放和打印乐谱");
		assertThat(app.categories()).containsExactly("Audio", "Education");
		assertThat(app.exec()).isEqualTo("mscore3 --force");
		assertThat(app.icon()).isEqualTo("mscore3");
		assertThat(app.installed()).isTrue();
	}

	@Test
	void skipsHiddenEntriesLinksAndEntriesWithoutNameOrCommand() {
		assertThat(DesktopEntries.parse("a", "[Desktop Entry]\nType=Application\nName=A\nExec=a\nNoDisplay=true"))
			.isEmpty();
		assertThat(DesktopEntries.parse("b", "[Desktop Entry]\nType=Application\nName=B\nExec=b\nHidden=true"))
			.isEmpty();
		assertThat(DesktopEntries.parse("c", "[Desktop Entry]\nType=Link\nName=C\nURL=https://example.org")).isEmpty();
		assertThat(DesktopEntries.parse("d", "[Desktop Entry]\nType=Application\nExec=d")).isEmpty();
		assertThat(DesktopEntries.parse("e", "[Desktop Entry]\nType=Application\nName=E\nExec=%U")).isEmpty();
		assertThat(DesktopEntries.parse("f", "[Other]\nType=Application\nName=F\nExec=f")).isEmpty();
	}

	@Test
	void readsADirectorySkippingWhatIsNotAnEntry(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("good.desktop"),
				"[Desktop Entry]\r\nType=Application\r\nName=Good\r\nExec=good %u\r\n");
		Files.write(dir.resolve("binary.desktop"), new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1, 2 });
		Files.writeString(dir.resolve("bad name!.desktop"), "[Desktop Entry]\nType=Application\nName=Bad\nExec=bad");
		Files.writeString(dir.resolve("notes.txt"), "[Desktop Entry]\nType=Application\nName=Notes\nExec=notes");
		Files.createDirectory(dir.resolve("folder.desktop"));

		assertThat(DesktopEntries.in(dir)).extracting(App::id, App::exec).containsExactly(
				org.assertj.core.groups.Tuple.tuple("good", "good"));
		assertThat(DesktopEntries.in(dir.resolve("missing"))).isEmpty();
	}

	@Test
	void theHostsMousepadIsInTheCatalogWithItsChineseName() {
		var catalog = new AppCatalog(new AppsSettings(Path.of("/usr/share/applications"), "apt-get",
				java.time.Duration.ofMinutes(1)));

		var mousepad = catalog.find("org.xfce.mousepad").orElseThrow();
		assertThat(mousepad.exec()).isEqualTo("mousepad");
		assertThat(mousepad.installed()).isTrue();
		assertThat(catalog.find("mscore3")).get().extracting(App::debianPackage).isEqualTo("musescore3");
	}

	@Test
	void theCatalogLeavesOutTheDesktopsSystemToolsAndKeepsItsFileManagerAndTerminals(@TempDir Path dir)
			throws Exception {
		var entries = java.util.Map.of(
				"org.fcitx.fcitx5-migrator", "Fcitx 5 Migration Wizard\nCategories=Settings;",
				"org.fcitx.Fcitx5", "Fcitx 5\nCategories=System;Utility;",
				"system-config-printer", "Print Settings\nCategories=GNOME;GTK;Settings;HardwareSettings;System;Printing;",
				"pcmanfm", "File Manager PCManFM\nCategories=System;FileTools;FileManager;Utility;Core;GTK;",
				"debian-xterm", "XTerm\nCategories=System;TerminalEmulator;",
				"org.xfce.mousepad", "Mousepad\nCategories=Utility;TextEditor;GTK;");
		for (var entry : entries.entrySet()) {
			Files.writeString(dir.resolve(entry.getKey() + ".desktop"),
					"[Desktop Entry]\nType=Application\nExec=x\nName=" + entry.getValue() + "\n");
		}

		var catalog = new AppCatalog(new AppsSettings(dir, "apt-get", java.time.Duration.ofMinutes(1)));

		assertThat(catalog.all()).extracting(App::id).contains("pcmanfm", "debian-xterm", "org.xfce.mousepad")
			.doesNotContain("org.fcitx.fcitx5-migrator", "org.fcitx.Fcitx5", "system-config-printer");
	}

	@Test
	void anAppIsShownUnderItsMainCategoriesOrOther() {
		var startCenter = DesktopEntries.parse("libreoffice-startcenter", """
				[Desktop Entry]
				Type=Application
				Name=LibreOffice
				Exec=libreoffice
				Categories=Office;X-Red-Hat-Base;X-SuSE-Core-Office;
				""").orElseThrow();
		var game = DesktopEntries.parse("tux", "[Desktop Entry]\nType=Application\nName=Tux\nExec=tux\nCategories=X-Fun;")
			.orElseThrow();

		assertThat(startCenter.shownCategories()).containsExactly("Office");
		assertThat(game.shownCategories()).containsExactly("Other");
	}
}
