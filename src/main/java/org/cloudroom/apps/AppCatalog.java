package org.cloudroom.apps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * The apps a Cloudroom server can offer: those installed on the desktop hosts, read from their {@code .desktop}
 * entries (their system tools left out), and the curated education set, installed or not yet.
 */
@Service
class AppCatalog {

	private final AppsSettings settings;
	private volatile List<App> apps;

	AppCatalog(AppsSettings settings) {
		this.settings = settings;
		this.apps = scan();
	}

	/** Every app, by name. */
	public List<App> all() {
		return apps;
	}

	public Optional<App> find(String id) {
		return apps.stream().filter(app -> app.id().equals(id)).findFirst();
	}

	/** Reads the hosts' entries again, after an install. */
	void refresh() {
		apps = scan();
	}

	private List<App> scan() {
		var host = DesktopEntries.in(settings.applications()).stream().filter(app -> !app.systemTool())
			.collect(Collectors.toMap(App::id, Function.identity(), (a, b) -> a));
		var all = new ArrayList<App>();
		for (var curated : CuratedApps.ALL) {
			var installed = host.remove(curated.id());
			all.add(installed == null ? curated : curated.installedAs(installed));
		}
		all.addAll(host.values());
		all.sort(Comparator.comparing((App app) -> app.name().toLowerCase(java.util.Locale.ROOT)));
		return List.copyOf(all);
	}
}
