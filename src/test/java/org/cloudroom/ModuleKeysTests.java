package org.cloudroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A foreign key stays within its module: a table refers to another module's rows by their id alone, so that each
 * module's tables can change (or move to a database of their own) without the others. On H2 and PostgreSQL, as the
 * migrations left them.
 */
@DatabaseTest
class ModuleKeysTests {

	@Autowired
	DataSource dataSource;

	@Test
	void noForeignKeyCrossesAModule() throws SQLException {
		var owners = TableOwners.read().owners();
		var crossing = new ArrayList<String>();
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			var meta = connection.getMetaData();
			for (var table : owners.keySet()) {
				var name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
				try (var keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
					while (keys.next()) {
						var target = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
						if (!owners.get(table).equals(owners.get(target))) {
							crossing.add(table + "." + keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
									+ target);
						}
					}
				}
			}
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		assertThat(owners).containsKeys("room", "seat", "school");
		assertThat(crossing).isEmpty();
	}
}
