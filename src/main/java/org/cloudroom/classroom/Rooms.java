package org.cloudroom.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The rooms of each school and who sits where. The school admin defines rooms; the admin or a teacher seats students. */
@Repository
public class Rooms {

	private final JdbcClient jdbc;
	private final People people;
	private final Classes classes;
	private final Clock clock;

	Rooms(JdbcClient jdbc, People people, Classes classes, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.people = people;
		this.classes = classes;
	}

	public Room create(CloudroomUser user, SchoolId school, String name, int rows, int columns) {
		user.requireAdminOf(school);
		var trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new Refused(Status.UNPROCESSABLE, "classroom.room.name");
		}
		if (rows < 1 || rows > 20 || columns < 1 || columns > 20) {
			throw new Refused(Status.UNPROCESSABLE, "classroom.room.size", 20);
		}
		if (ofSchool(school).stream().anyMatch(r -> r.name().equalsIgnoreCase(trimmed))) {
			throw new Refused(Status.CONFLICT, "classroom.room.exists", trimmed);
		}
		var room = new Room(UUID.randomUUID(), school, trimmed, rows, columns);
		jdbc.sql("insert into room (id, school_id, name, seat_rows, seat_columns, created_at) values (?, ?, ?, ?, ?, ?)")
			.params(room.id(), school.value(), trimmed, rows, columns,
					OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
			.update();
		return room;
	}

	public List<Room> ofSchool(SchoolId school) {
		return jdbc.sql("select * from room where school_id = ? order by name").param(school.value())
			.query(Rooms::room).list();
	}

	public Optional<Room> find(SchoolId school, UUID id) {
		return jdbc.sql("select * from room where school_id = ? and id = ?").params(school.value(), id)
			.query(Rooms::room).optional();
	}

	/** The room, when the person may see it: another school's room is "not found". */
	public Room require(CloudroomUser user, UUID id) {
		var room = jdbc.sql("select * from room where id = ?").param(id).query(Rooms::room).optional()
			.orElseThrow(Refused::notFound);
		user.requireMemberOf(room.school());
		return room;
	}

	public List<Seat> seats(UUID room) {
		return jdbc.sql("select person_id, seat_row, seat_column from seat where room_id = ?").param(room)
			.query((rs, n) -> new Seat(new PersonId(rs.getObject("person_id", UUID.class)), rs.getInt("seat_row"),
					rs.getInt("seat_column")))
			.list();
	}

	/** What to do when the seat a student is given is somebody else's. */
	public enum WhenTaken {
		/** Refuse, saying who sits there: nobody loses a seat without being asked. */
		REFUSE,
		/** The other student takes the seat this one leaves, or has none if this one had none. */
		SWAP,
		/** The other student is left without a seat in this room. */
		UNSEAT
	}

	/**
	 * Seats a student, moving them from their old seat. A seat somebody else has is a conflict unless the caller
	 * says to swap them or to unseat them. The school's admin may seat any student of the school, a teacher the
	 * students of their own classes.
	 */
	@Transactional
	public Seat place(CloudroomUser user, UUID roomId, PersonId student, int row, int column, WhenTaken whenTaken) {
		var room = requireSeating(user, roomId, student);
		if (row < 1 || row > room.rows() || column < 1 || column > room.columns()) {
			throw new Refused(Status.UNPROCESSABLE, "classroom.seat.outside", room.rows(), room.columns());
		}
		var seats = seats(roomId);
		var before = seats.stream().filter(s -> s.person().equals(student)).findFirst();
		var other = seats.stream().filter(s -> s.row() == row && s.column() == column && !s.person().equals(student))
			.findFirst();
		if (other.isPresent() && whenTaken == WhenTaken.REFUSE) {
			var name = people.find(other.get().person()).map(p -> p.displayName()).orElse("?");
			throw new Refused(Status.CONFLICT, "classroom.seat.taken", name, row, column);
		}
		jdbc.sql("delete from seat where room_id = ? and (person_id = ? or (seat_row = ? and seat_column = ?))")
			.params(roomId, student.value(), row, column).update();
		insert(room, new Seat(student, row, column));
		if (other.isPresent() && whenTaken == WhenTaken.SWAP && before.isPresent()) {
			insert(room, new Seat(other.get().person(), before.get().row(), before.get().column()));
		}
		return new Seat(student, row, column);
	}

	/** Takes the student's seat in the room away: they take the first free seat in a session there. */
	@Transactional
	public void unseat(CloudroomUser user, UUID roomId, PersonId student) {
		requireSeating(user, roomId, student);
		jdbc.sql("delete from seat where room_id = ? and person_id = ?").params(roomId, student.value()).update();
	}

	private Room requireSeating(CloudroomUser user, UUID roomId, PersonId student) {
		var room = require(user, roomId);
		var person = people.findInSchool(room.school(), student).filter(p -> p.role() == Role.STUDENT)
			.orElseThrow(Refused::notFound);
		if (user.role() == Role.TEACHER) {
			var mine = classes.ofPerson(user.id()).stream().anyMatch(c -> classes.hasMember(c.id(), person.id()));
			if (!mine) {
				throw new Refused(Status.FORBIDDEN, "error.forbidden");
			}
		}
		else {
			user.requireAdminOf(room.school());
		}
		return room;
	}

	private void insert(Room room, Seat seat) {
		jdbc.sql("insert into seat (room_id, person_id, school_id, seat_row, seat_column) values (?, ?, ?, ?, ?)")
			.params(room.id(), seat.person().value(), room.school().value(), seat.row(), seat.column()).update();
	}

	/**
	 * Where each of these students sits in the room: their own seat, or else the first free seat, row by row. A
	 * student left over when the room is full has no seat.
	 */
	public Map<PersonId, Seat> seating(Room room, List<PersonId> students) {
		var placed = new LinkedHashMap<PersonId, Seat>();
		var taken = new HashSet<Integer>();
		for (var seat : seats(room.id())) {
			taken.add(seat.row() * 100 + seat.column());
			if (students.contains(seat.person())) {
				placed.put(seat.person(), seat);
			}
		}
		var free = new ArrayList<int[]>();
		for (int row = 1; row <= room.rows(); row++) {
			for (int column = 1; column <= room.columns(); column++) {
				if (!taken.contains(row * 100 + column)) {
					free.add(new int[] { row, column });
				}
			}
		}
		var next = free.iterator();
		for (var student : students) {
			if (!placed.containsKey(student) && next.hasNext()) {
				var spot = next.next();
				placed.put(student, new Seat(student, spot[0], spot[1]));
			}
		}
		return placed;
	}

	private static Room room(ResultSet rs, int row) throws SQLException {
		return new Room(rs.getObject("id", UUID.class), new SchoolId(rs.getObject("school_id", UUID.class)),
				rs.getString("name"), rs.getInt("seat_rows"), rs.getInt("seat_columns"));
	}
}
