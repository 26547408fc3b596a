package org.cloudroom.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Every message a person may see exists in English and in Chinese: the server shows a missing key as the raw key
 * ({@code spring.messages.use-code-as-default-message}), so this test is what catches one.
 */
class MessageKeysTests {

	private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)");

	@Test
	void everyBundleSaysTheSameInBothLanguages() throws IOException {
		for (var basename : basenames()) {
			assertThat(load(basename + "_zh_CN").stringPropertyNames()).as(basename)
				.isEqualTo(load(basename).stringPropertyNames());
		}
	}

	@Test
	void everyKeyTheCodeAndThePagesUseIsInTheBundles() throws IOException {
		var keys = new HashSet<String>();
		for (var basename : basenames()) {
			keys.addAll(load(basename).stringPropertyNames());
		}
		var missing = new TreeSet<String>();
		for (var file : files(Path.of("src/main/java"), ".java")) {
			missingIn(Files.readString(file), keys).forEach(key -> missing.add(key + " in " + file));
		}
		for (var file : files(Path.of("src/main/resources/templates"), ".html")) {
			var matcher = TEMPLATE_KEY.matcher(Files.readString(file));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(matcher.group(1) + " in " + file);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/** A page that fails without a refusal of its own (the error page) says its status's {@code error.http.} key. */
	@Test
	void everyStatusHasAMessageForTheErrorPage() throws IOException {
		var common = load("messages/common").stringPropertyNames();
		for (var status : Status.values()) {
			assertThat(common).as(status.name()).contains("error.http." + status.http());
		}
	}

	@Test
	void findsAKeyMissingFromTheBundles() {
		var code = "new Refused(Status.FORBIDDEN, \"error.forbiden\"); super(\"login.throttled\"); \"cloudroom.data\"";

		assertThat(missingIn(code, Set.of("error.forbidden", "login.throttled.seconds"))).containsExactly("error.forbiden");
	}

	/**
	 * The literals of the code that look like keys of the bundles (their first part is one of the keys' first parts)
	 * but are neither a key nor the start of keys.
	 */
	private static List<String> missingIn(String code, Set<String> keys) {
		var namespaces = new HashSet<String>();
		keys.forEach(key -> namespaces.add(key.substring(0, Math.max(0, key.indexOf('.')))));
		return LITERAL.matcher(code).results().map(result -> result.group(1))
			.filter(literal -> namespaces.contains(literal.substring(0, literal.indexOf('.'))))
			.filter(literal -> !keys.contains(literal) && keys.stream().noneMatch(key -> key.startsWith(literal + ".")))
			.toList();
	}

	private static List<String> basenames() throws IOException {
		var application = load("application");
		return Arrays.stream(application.getProperty("spring.messages.basename").split(",")).map(String::trim).toList();
	}

	private static Properties load(String name) throws IOException {
		return PropertiesLoaderUtils.loadProperties(new ClassPathResource(name + ".properties"));
	}

	private static Set<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> tree = Files.walk(root)) {
			return tree.filter(path -> path.toString().endsWith(suffix)).collect(Collectors.toSet());
		}
	}
}
