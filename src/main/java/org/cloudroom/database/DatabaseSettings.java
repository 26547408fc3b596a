package org.cloudroom.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the database's use, under {@code cloudroom.database}.
 *
 * @param secondConnection what happens when a thread that holds a connection asks for another: {@code refuse} (the
 *        asking fails at once, naming where; the tests run so) or {@code log} (a warning with the stack, and the
 *        connection is given)
 */
@ConfigurationProperties("cloudroom.database")
record DatabaseSettings(@DefaultValue("log") SecondConnection secondConnection) {

	enum SecondConnection {
		REFUSE, LOG
	}
}
