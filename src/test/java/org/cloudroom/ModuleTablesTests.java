package org.cloudroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: only its own code names them in SQL, and only its own migrations create or change
 * them. Another module's data is asked for through that module's API (docs/ARCHITECTURE.md).
 */
class ModuleTablesTests {

	private final TableOwners tables = TableOwners.read();

	@Test
	void everyMigrationSaysWhichModuleOwnsIt() {
		assertThat(tables.problems()).isEmpty();
		assertThat(tables.owners()).containsEntry("person", "accounts").containsEntry("desktop_account", "desktops")
			.containsEntry("drive_upload", "drive").containsEntry("class_session", "classroom");
	}

	@Test
	void noModuleNamesAnotherModulesTable() {
		var found = new ArrayList<String>();
		for (var module : TableOwners.modules()) {
			for (var file : TableOwners.list(TableOwners.MODULES.resolve(module), ".java")) {
				found.addAll(tables.foreignTables(module, TableOwners.MODULES.relativize(file).toString(),
						TableOwners.text(file)));
			}
		}
		assertThat(found).as("SQL that names another module's table; ask that module's API instead").isEmpty();
	}

	@Test
	void catchesAQueryOfAnotherModulesTable() {
		var source = """
				OptionalInt uid(PersonId person) {
					return jdbc.sql("select uid from desktop_account " + "where person_id = ?").param(person.value())
				}
				void seen() {
					jdbc.sql(\"""
						update drive_hand_in_comment c set seen_at = ?
						where exists (select 1 from class_member m where m.person_id = c.person_id)\""").update();
				}
				""";

		assertThat(tables.foreignTables("drive", "drive/Example.java", source)).containsExactly(
				"drive/Example.java names desktop_account (desktops)", "drive/Example.java names class_member (accounts)");
		assertThat(tables.foreignTables("desktops", "desktops/Example.java", source))
			.containsExactly("desktops/Example.java names class_member (accounts)",
					"desktops/Example.java names drive_hand_in_comment (drive)");
	}
}
