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
