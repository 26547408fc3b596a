package org.cloudroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module map holds: no cycles, no reach into another module's internals; and it is drawn into docs/. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CloudroomApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	/**
	 * Draws the module diagrams into target/, then copies to docs/modules only those whose content changed: the
	 * Documenter writes some lines in a different order each run, which is not a change.
	 */
	@Test
	void writesTheModuleDiagram() throws IOException {
		var drawn = Path.of("target/modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		var docs = Files.createDirectories(Path.of("docs/modules"));
		try (var files = Files.list(drawn)) {
			for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				var target = docs.resolve(file.getFileName());
				if (!Files.exists(target) || !sortedLines(file).equals(sortedLines(target))) {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static java.util.List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}
}
