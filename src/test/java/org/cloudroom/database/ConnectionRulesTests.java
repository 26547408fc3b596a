package org.cloudroom.database;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;

import org.cloudroom.database.DatabaseSettings.SecondConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules that keep the pool whole (issue #15): a thread holds one connection at a time, and no query result is
 * read as a stream, which keeps its connection until somebody closes it (a class page kept one per view).
 */
class ConnectionRulesTests {

	@Test
	void noQueryResultIsReadAsAStreamThatHoldsItsConnection() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.cloudroom");
		noClasses().should().callMethodWhere(DescribedPredicate.describe("a query read as a stream",
				(JavaMethodCall call) -> call.getName().equals("stream")
						&& call.getTargetOwner().isAssignableTo(JdbcClient.MappedQuerySpec.class)
						|| call.getName().equals("stream") && call.getTargetOwner().isAssignableTo(JdbcClient.ResultQuerySpec.class)
						|| call.getName().equals("queryForStream") && call.getTargetOwner().isAssignableTo(JdbcOperations.class)))
			.because("a stream keeps its connection until closed; read the query with list(), single() or optional()")
			.check(classes);
	}

	@Test
	void aThreadThatHoldsAConnectionIsRefusedASecondAndToldWhereItTookTheFirst() throws SQLException {
		var guard = new OneConnectionPerThread(database(), SecondConnection.REFUSE);
		guard.watch();

		try (var first = guard.getConnection()) {
			assertThatThrownBy(guard::getConnection).isInstanceOf(OneConnectionPerThread.SecondConnectionAsked.class)
				.hasMessageContaining("second database connection")
				.cause().hasMessageContaining("taken here");
		}
		try (Connection again = guard.getConnection()) {
			assertThat(again.isValid(1)).isTrue();
		}
	}

	@Test
	void closingAConnectionTwiceGivesItBackOnce() throws SQLException {
		var guard = new OneConnectionPerThread(database(), SecondConnection.REFUSE);
		guard.watch();
		var first = guard.getConnection();
		first.close();
		first.close();

		try (var second = guard.getConnection()) {
			assertThatThrownBy(guard::getConnection).isInstanceOf(OneConnectionPerThread.SecondConnectionAsked.class);
		}
	}

	@Test
	void whenLoggingTheSecondConnectionIsGiven() throws SQLException {
		var guard = new OneConnectionPerThread(database(), SecondConnection.LOG);
		guard.watch();

		try (var first = guard.getConnection(); var second = guard.getConnection()) {
			assertThat(second.isValid(1)).isTrue();
		}
	}

	@Test
	void connectionsTakenBeforeTheApplicationStartedAreNotWatched() throws SQLException {
		var guard = new OneConnectionPerThread(database(), SecondConnection.REFUSE);

		try (var migrations = guard.getConnection(); var history = guard.getConnection()) {
			assertThat(history.isValid(1)).isTrue();
		}
	}

	private static JdbcDataSource database() {
		var h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:connection_rules;DB_CLOSE_DELAY=-1");
		return h2;
	}
}
