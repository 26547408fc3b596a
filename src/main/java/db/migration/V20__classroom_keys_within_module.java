package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * classroom: its tables keep foreign keys only to its own tables. A table refers to another module's rows (schools,
 * classes, people of accounts) by their id alone, as every other module's tables always did (docs/ARCHITECTURE.md,
 * "Who owns which tables"). V7 gave the classroom's tables keys into accounts' tables; they are dropped by the names
 * the database gave them, which H2 and PostgreSQL choose differently.
 */
public class V20__classroom_keys_within_module extends BaseJavaMigration {

	private static final List<String> CLASSROOM = List.of("room", "seat", "lesson", "class_session", "attendance",
			"take_over");

	private static final Set<String> ACCOUNTS = Set.of("school", "person", "school_class");

	@Override
	public void migrate(Context context) throws SQLException {
		var connection = context.getConnection();
		var meta = connection.getMetaData();
		for (var table : CLASSROOM) {
			for (var key : keysIntoAccounts(meta, connection, table)) {
				try (var statement = connection.createStatement()) {
					statement.execute("alter table " + table + " drop constraint \"" + key.replace("\"", "\"\"") + "\"");
				}
			}
		}
	}

	private static List<String> keysIntoAccounts(DatabaseMetaData meta, Connection connection, String table)
			throws SQLException {
		var keys = new ArrayList<String>();
		var name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
		try (var imported = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
			while (imported.next()) {
				if (ACCOUNTS.contains(imported.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT))) {
					keys.add(imported.getString("FK_NAME"));
				}
			}
		}
		return keys.stream().distinct().toList();
	}
}
