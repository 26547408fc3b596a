package org.cloudroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map holds: no cycles, no reach into another module's internals; and the map drawn in docs/modules is
 * the modules' as they are now.
 */
class ModularityTests {

	private static final Path DOCS = Path.of("docs/modules");
	private static final Path DRAWN = Path.of("target/modules");

	private final ApplicationModules modules = ApplicationModules.of(CloudroomApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	/**
	 * Draws the diagrams into target/modules and compares them with docs/modules line by line, in any order: the
	 * Documenter writes some lines in a different order each run, which is not a change.
	 */
	@Test
	void docsShowEveryModuleAsItIsNow() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DRAWN.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();

		var expected = new TreeSet<>(List.of("components.puml"));
		modules.stream().forEach(module -> expected.add("module-" + module.getIdentifier() + ".puml"));
		assertThat(diagrams(DRAWN)).as("diagrams drawn").isEqualTo(expected);
		var stale = new ArrayList<String>();
		for (var name : expected) {
			var committed = DOCS.resolve(name);
			if (!Files.exists(committed) || !sortedLines(committed).equals(sortedLines(DRAWN.resolve(name)))) {
				stale.add(name);
			}
		}
		assertThat(stale).as("""
				diagrams in %s that are not the modules' as they are now; copy them from %s, where this test has \
				drawn them""", DOCS, DRAWN).isEmpty();
		assertThat(diagrams(DOCS)).as("diagrams in %s of modules there are not; delete them", DOCS)
			.isSubsetOf(expected);
	}

	private static Set<String> diagrams(Path folder) throws IOException {
		try (var files = Files.list(folder)) {
			return new TreeSet<>(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".puml")).toList());
		}
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}
}
