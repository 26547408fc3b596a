package org.cloudroom.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * My computer's script: desktop.js and the noVNC it imports, bundled by the build into one file named by its content
 * (desktop-client/build.mjs). Pages write its current name ({@code desktopScript}); browsers keep it for a year
 * without asking again, since a changed bundle has a new name.
 */
@ControllerAdvice(annotations = Controller.class)
class DesktopScript {

	/** Where the bundle is served from. */
	static final String PATHS = "/js/desktop.*.js";

	static final CacheControl KEPT = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final Pattern BUNDLE = Pattern.compile("desktop\\.[0-9a-f]{16}\\.js");

	private final String path;

	DesktopScript(ResourcePatternResolver resources) throws IOException {
		var bundles = Arrays.stream(resources.getResources("classpath*:static/js/desktop.*.js"))
			.map(Resource::getFilename)
			.filter(name -> name != null && BUNDLE.matcher(name).matches())
			.distinct()
			.toList();
		if (bundles.size() != 1) {
			throw new IllegalStateException("Expected one bundle of My computer's script in static/js, found "
					+ bundles + ": build with Maven, which runs desktop-client's npm build");
		}
		this.path = "/js/" + bundles.getFirst();
	}

	@ModelAttribute("desktopScript")
	String path() {
		return path;
	}
}
