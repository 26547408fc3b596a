package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.cloudroom.MovingClock;
import org.cloudroom.accounts.PersonId;
import org.junit.jupiter.api.Test;

/** A place held for a connection whose upgrade never finished is given up after a minute, not kept for ever. */
class GatewayConnectionsTests {

	private final MovingClock clock = new MovingClock();
	private final GatewayConnections connections = new GatewayConnections(clock);
	private final PersonId student = PersonId.random();
	private final UUID desktop = UUID.randomUUID();

	@Test
	void givesUpAnAdmittedPlaceAfterAMinute() {
		assertThat(connections.admit(student, desktop, 1, 60)).isPresent();
		assertThat(connections.admit(student, desktop, 1, 60)).as("the person's one place is held").isEmpty();

		clock.pass(Duration.ofSeconds(59));
		assertThat(connections.admit(student, desktop, 1, 60)).as("still held").isEmpty();

		clock.pass(Duration.ofSeconds(2));
		assertThat(connections.admit(student, desktop, 1, 60)).as("given up").isPresent();
	}
}
