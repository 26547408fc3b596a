package org.cloudroom.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The class timetable of each school: which class is in which room, when. Times are the schools' time
 * ({@code cloudroom.time-zone}, one zone for the whole installation).
 */
@Repository
class Timetable {

	private final JdbcClient jdbc;
	private final Classes classes;
	private final Rooms rooms;

	Timetable(JdbcClient jdbc, Classes classes, Rooms rooms) {
		this.jdbc = jdbc;
		this.classes = classes;
		this.rooms = rooms;
	}

	public Lesson add(CloudroomUser user, SchoolId school, ClassId classId, UUID roomId, DayOfWeek day,
			LocalTime start, LocalTime end) {
		user.requireAdminOf(school);
		classes.find(school, classId).orElseThrow(Refused::notFound);
		rooms.find(school, roomId).orElseThrow(Refused::notFound);
		if (!start.isBefore(end)) {
			throw new Refused(Status.UNPROCESSABLE, "classroom.lesson.times");
		}
		var clash = ofSchool(school).stream().filter(l -> l.day() == day && l.start().isBefore(end)
				&& start.isBefore(l.end()) && (l.room().equals(roomId) || l.classId().equals(classId))).findFirst();
		if (clash.isPresent()) {
			throw new Refused(Status.CONFLICT, "classroom.lesson.clash", clash.get().start(), clash.get().end());
		}
		var lesson = new Lesson(UUID.randomUUID(), school, classId, roomId, day, start, end);
		jdbc.sql("""
				insert into lesson (id, school_id, class_id, room_id, day_of_week, starts_at, ends_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(lesson.id(), school.value(), classId.value(), roomId, day.getValue(), start, end).update();
		return lesson;
	}

	public void remove(CloudroomUser user, SchoolId school, UUID lesson) {
		user.requireAdminOf(school);
		if (jdbc.sql("delete from lesson where school_id = ? and id = ?").params(school.value(), lesson).update() == 0) {
			throw Refused.notFound();
		}
	}

	public List<Lesson> ofSchool(SchoolId school) {
		return jdbc.sql("select * from lesson where school_id = ? order by day_of_week, starts_at")
			.param(school.value()).query(Timetable::lesson).list();
	}

	public List<Lesson> ofClass(ClassId classId) {
		return jdbc.sql("select * from lesson where class_id = ? order by day_of_week, starts_at")
			.param(classId.value()).query(Timetable::lesson).list();
	}

	/** Every school's lessons on this weekday, the earliest first. */
	public List<Lesson> on(DayOfWeek day) {
		return jdbc.sql("select * from lesson where day_of_week = ? order by starts_at").param(day.getValue())
			.query(Timetable::lesson).list();
	}

	public Optional<Lesson> find(SchoolId school, UUID id) {
		return jdbc.sql("select * from lesson where school_id = ? and id = ?").params(school.value(), id)
			.query(Timetable::lesson).optional();
	}

	/** The class's lesson at this moment of the server's clock, if it has one. */
	public Optional<Lesson> at(ClassId classId, LocalDateTime when) {
		return ofClass(classId).stream().filter(l -> l.runsAt(when.getDayOfWeek(), when.toLocalTime())).findFirst();
	}

	private static Lesson lesson(ResultSet rs, int row) throws SQLException {
		return new Lesson(rs.getObject("id", UUID.class), new SchoolId(rs.getObject("school_id", UUID.class)),
				new ClassId(rs.getObject("class_id", UUID.class)), rs.getObject("room_id", UUID.class),
				DayOfWeek.of(rs.getInt("day_of_week")), rs.getObject("starts_at", LocalTime.class),
				rs.getObject("ends_at", LocalTime.class));
	}
}
