package org.cloudroom.classroom;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.gateway.GatewayConnections;
import org.cloudroom.gateway.Mode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The teacher's wall of a running session: every student of the class at their seat, as things are now. */
@Component
class Wall {

	/**
	 * A student on the wall; {@code desktop} is their running desktop's id, if one runs. A student watching the
	 * teacher's screen is online, on the teacher's desktop rather than their own.
	 */
	record Tile(PersonId student, String name, String username, int row, int column, boolean online, boolean watching,
			boolean active, @Nullable UUID desktop, @Nullable OffsetDateTime joinedAt, int activeMinutes) {
	}

	/** The grid's size and its tiles; students beyond a full room get no seat and are listed with row 0. */
	record View(int rows, int columns, List<Tile> tiles) {
	}

	private static final int DEFAULT_COLUMNS = 5;

	private final ClassSessions sessions;
	private final Rooms rooms;
	private final Desktops desktops;
	private final GatewayConnections connections;
	private final RecentActivity activity;

	Wall(ClassSessions sessions, Rooms rooms, Desktops desktops, GatewayConnections connections,
			RecentActivity activity) {
		this.sessions = sessions;
		this.rooms = rooms;
		this.desktops = desktops;
		this.connections = connections;
		this.activity = activity;
	}

	View of(ClassSession session) {
		var students = sessions.students(session);
		var joined = sessions.attendance(session).stream()
			.collect(Collectors.toMap(Attendance::student, java.util.function.Function.identity()));
		var room = session.room() == null ? null : rooms.find(session.school(), session.room()).orElse(null);
		if (room == null) {
			int rows = Math.max(1, (students.size() + DEFAULT_COLUMNS - 1) / DEFAULT_COLUMNS);
			room = new Room(new UUID(0, 0), session.school(), "", rows, DEFAULT_COLUMNS);
		}
		var seating = rooms.seating(room, students.stream().map(Person::id).toList());
		var tiles = students.stream().map(p -> {
			var seat = seating.get(p.id());
			return new Tile(p.id(), p.displayName(), p.username(), seat == null ? 0 : seat.row(),
					seat == null ? 0 : seat.column(), connections.ownerConnected(p.id()),
					session.broadcasting() && connections.connected(p.id(), session.teacher(), Mode.VIEW),
					activity.activeNow(p.id()),
					desktops.mine(p.id()).map(Desktop::id).orElse(null),
					joined.containsKey(p.id()) ? joined.get(p.id()).joinedAt() : null,
					joined.containsKey(p.id()) ? joined.get(p.id()).activeMinutes() : 0);
		}).toList();
		return new View(room.rows(), room.columns(), tiles);
	}
}
