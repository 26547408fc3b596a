package org.cloudroom.apps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default apps of a profile: the web browser, text editor and file manager its desktops open things with and
 * show as desktop icons. An app the school has not picked, or no longer installed, is Cloudroom's own.
 */
public final class DefaultApps {

	enum Kind {

		FILE_MANAGER("FileManager", "pcmanfm", List.of("inode/directory")),
		WEB_BROWSER("WebBrowser", "chromium", List.of("x-scheme-handler/http", "x-scheme-handler/https", "text/html")),
		TEXT_EDITOR("TextEditor", "org.xfce.mousepad", List.of("text/plain"));

		final String category;
		final String own;
		final List<String> mimeTypes;

		Kind(String category, String own, List<String> mimeTypes) {
			this.category = category;
			this.own = own;
			this.mimeTypes = mimeTypes;
		}

		String pick(String browser, String editor, String fileManager) {
			return switch (this) {
				case FILE_MANAGER -> fileManager;
				case WEB_BROWSER -> browser;
				case TEXT_EDITOR -> editor;
			};
		}
	}

	private final List<App> apps;
	private final Map<String, String> mimeTypes;
	private final String browser;

	private DefaultApps(List<App> apps, Map<String, String> mimeTypes, String browser) {
		this.apps = apps;
		this.mimeTypes = mimeTypes;
		this.browser = browser;
	}

	/** The installed apps of the catalog a school may pick for the kind, by name. */
	static List<App> candidates(AppCatalog catalog, Kind kind) {
		return catalog.all().stream().filter(app -> app.installed() && app.categories().contains(kind.category))
			.toList();
	}

	static DefaultApps of(Profile profile, AppCatalog catalog) {
		var apps = new ArrayList<App>();
		var mimeTypes = new LinkedHashMap<String, String>();
		var browser = "";
		for (var kind : Kind.values()) {
			var picked = kind.pick(profile.defaultBrowser(), profile.defaultEditor(), profile.defaultFileManager());
			var app = catalog.find(picked).filter(App::installed).or(() -> catalog.find(kind.own))
				.filter(App::installed);
			if (app.isEmpty()) {
				continue;
			}
			apps.add(app.get());
			kind.mimeTypes.forEach(type -> mimeTypes.put(type, app.get().id() + ".desktop"));
			if (kind == Kind.WEB_BROWSER && !picked.isEmpty()) {
				browser = app.get().exec();
			}
		}
		return new DefaultApps(List.copyOf(apps), Map.copyOf(mimeTypes), browser);
	}

	/** The default apps, file manager first: every desktop of the school shows them as icons. */
	public List<App> apps() {
		return apps;
	}

	/** The {@code .desktop} entry that opens each MIME type, as an XDG {@code mimeapps.list} names it. */
	public Map<String, String> mimeTypes() {
		return mimeTypes;
	}

	/** The command of the browser the school picked, empty when it picked none (the desktop's own then). */
	public String browser() {
		return browser;
	}
}
