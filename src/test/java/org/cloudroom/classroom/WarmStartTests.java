package org.cloudroom.classroom;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.Desktops;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The desktops of a timetabled class start a few minutes before its lesson, once. */
@DatabaseTest
class WarmStartTests {

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
	WarmStart warmStart;

	@MockitoBean
	Desktops desktops;

	@Test
	void startsTheClassesDesktopsFiveMinutesBeforeTheLessonAndNotTheOtherClasses() {
		var school = ClassOfTwo.open(program, peopleImport, people, classes);
		var room = rooms.create(school.admin(), school.school(), "机房", 5, 5);
		var room2 = rooms.create(school.admin(), school.school(), "机房二", 5, 5);
		timetable.add(school.admin(), school.school(), school.class52(), room.id(), DayOfWeek.WEDNESDAY,
				LocalTime.of(9, 0), LocalTime.of(9, 45));
		timetable.add(school.admin(), school.school(), school.class53(), room2.id(), DayOfWeek.WEDNESDAY,
				LocalTime.of(9, 30), LocalTime.of(10, 15));
		var wednesday = LocalDate.of(2026, 11, 23).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));

		warmStart.warm(wednesday.atTime(8, 56));
		warmStart.warm(wednesday.atTime(8, 57));

		verify(desktops, timeout(5000).times(1)).startOrResume(argThat(u -> u.id().equals(school.ming().id())), any());
		verify(desktops, timeout(5000).times(1)).startOrResume(argThat(u -> u.id().equals(school.hong().id())), any());
		verify(desktops, never()).startOrResume(argThat(u -> u.id().equals(school.fang().id())), any());
		verify(desktops, never()).startOrResume(argThat(u -> u.id().equals(school.teacher().id())), any());
	}
}
