package org.cloudroom.apps;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A desktop application of the catalog.
 *
 * @param id the name of its {@code .desktop} entry without the suffix, such as {@code org.xfce.mousepad}
 * @param exec the command that starts it, without the entry's field codes
 * @param debianPackage the package that installs it, for the curated apps
 * @param installed whether the desktop hosts have it, so that it can be offered
 */
public record App(String id, String name, String nameZh, String comment, String commentZh, String icon,
		List<String> categories, String exec, @Nullable String debianPackage, boolean installed) {

	/** The freedesktop.org main categories a person is shown, by their translated names ({@code apps.category.*}). */
	static final List<String> SHOWN_CATEGORIES = List.of("Office", "Education", "Graphics", "AudioVideo", "Development",
			"Game", "Network", "Science", "Utility", "System");

	/** The app's categories a person is shown, in the entry's order; {@code Other} when it names none of them. */
	public List<String> shownCategories() {
		var shown = categories.stream().filter(SHOWN_CATEGORIES::contains).distinct().toList();
		return shown.isEmpty() ? List.of("Other") : shown;
	}

	/**
	 * Whether the app is a part of the desktop's own system rather than a program to hand out: a settings tool (the
	 * input method's migration wizard, printer settings) or a system program other than a file manager or terminal.
	 */
	boolean systemTool() {
		return categories.contains("Settings") || categories.contains("System") && !categories.contains("FileManager")
				&& !categories.contains("TerminalEmulator");
	}

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) && !nameZh.isBlank() ? nameZh : name;
	}

	public String comment(Locale locale) {
		return "zh".equals(locale.getLanguage()) && !commentZh.isBlank() ? commentZh : comment;
	}

	App installedAs(App host) {
		var chineseName = nameZh.isBlank() ? host.nameZh : nameZh;
		var chineseComment = commentZh.isBlank() ? host.commentZh : commentZh;
		return new App(id, name, chineseName, comment, chineseComment, host.icon, categories, host.exec,
				debianPackage, true);
	}
}
