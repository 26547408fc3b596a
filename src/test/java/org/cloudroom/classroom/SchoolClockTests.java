package org.cloudroom.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The timetable runs on the schools' clock ({@code cloudroom.time-zone}), not on the zone of the server's system: a
 * school in Beijing whose server runs in UTC still finds its 8 o'clock lesson at 8 in Beijing.
 */
@DatabaseTest
class SchoolClockTests {

	/** Of two zones half a day apart, the one further from this JVM's, so the test means the same everywhere. */
	static final ZoneId SCHOOLS = farFrom(ZoneId.systemDefault());

	@DynamicPropertySource
	static void schoolsTimeZone(DynamicPropertyRegistry registry) {
		registry.add("cloudroom.time-zone", SCHOOLS::getId);
	}

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	@Autowired
	Rooms rooms;

	@Autowired
	Timetable timetable;

	@Autowired
	ClassSessions sessions;

	@Autowired
	Clock clock;

	@Test
	void aTeacherStartingTheClassDuringItsLessonOnTheSchoolsClockStartsThatLesson() {
		var school = ClassOfTwo.open(program, peopleImport, people, classes);
		var room = rooms.create(school.admin(), school.school(), "机房", 5, 5);
		var now = LocalDateTime.now(SCHOOLS).toLocalTime();
		var start = now.isBefore(LocalTime.of(0, 30)) ? LocalTime.MIN : now.minusMinutes(30).withSecond(0).withNano(0);
		var end = now.isAfter(LocalTime.of(23, 0)) ? LocalTime.of(23, 59) : now.plusMinutes(45).withSecond(0).withNano(0);
		var lesson = timetable.add(school.admin(), school.school(), school.class52(), room.id(),
				LocalDateTime.now(SCHOOLS).getDayOfWeek(), start, end);

		var session = sessions.start(school.teacher(), school.class52(), null);

		assertThat(clock.getZone()).isEqualTo(SCHOOLS);
		assertThat(session.lesson()).isEqualTo(lesson.id());
		assertThat(session.room()).isEqualTo(room.id());
	}

	private static ZoneId farFrom(ZoneId zone) {
		int hours = zone.getRules().getOffset(Instant.now()).getTotalSeconds() / 3600;
		return hours < 2 ? ZoneId.of("Pacific/Kiritimati") : ZoneId.of("Pacific/Pago_Pago");
	}
}
