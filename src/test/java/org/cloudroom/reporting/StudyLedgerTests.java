package org.cloudroom.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.DesktopStarted;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.gateway.ActiveMinuteRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events as the gateway and the desktops publish them, and the figures they add up to. The listener counts in the
 * publisher's transaction (or its own, when there is none), so these tests commit their schools (each a new one).
 */
@DatabaseTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class StudyLedgerTests {

	static final LocalDate DAY = LocalDate.of(2026, 3, 2);
	static final Period WEEK = new Period(DAY.minusDays(3), DAY.plusDays(3));

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	StudyReports reports;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	StudySchool school;

	@BeforeEach
	void openSchool() throws IOException {
		school = StudySchool.open(program, peopleImport, people, classes);
	}

	@Test
	void countsAMinuteDeliveredTwiceOnce() {
		var ming = school.students().getFirst();

		minute(ming, "2026-03-02T01:05:00Z");
		minute(ming, "2026-03-02T01:05:00Z");
		minute(ming, "2026-03-02T01:06:00Z");

		var report = reports.schoolClass(StudySchool.user(school.teacher()), school.classId(), WEEK);
		assertThat(report.figures().minutes()).isEqualTo(2);
		assertThat(report.days()).filteredOn(d -> d.day().equals(DAY)).singleElement()
			.isEqualTo(new DayFigure(DAY, 2, 1));
	}

	@Test
	void sumsAClassOverItsStudentsAndLeavesOutTheTeacher() {
		var ming = school.students().get(0);
		var hong = school.students().get(1);
		minutes(ming, "2026-03-02T01:00:00Z", 30);
		minutes(ming, "2026-03-03T01:00:00Z", 15);
		minutes(hong, "2026-03-02T02:00:00Z", 45);
		minutes(school.teacher(), "2026-03-02T01:00:00Z", 40);

		var report = reports.schoolClass(StudySchool.user(school.teacher()), school.classId(), WEEK);

		assertThat(report.figures().students()).isEqualTo(3);
		assertThat(report.figures().studentsActive()).isEqualTo(2);
		assertThat(report.figures().minutes()).isEqualTo(90);
		assertThat(report.figures().averageHours()).isEqualTo(0.5);
		assertThat(report.students()).extracting(StudentFigure::displayName, StudentFigure::minutes,
				StudentFigure::activeDays)
			.contains(org.assertj.core.groups.Tuple.tuple("王小明", 45L, 2L),
					org.assertj.core.groups.Tuple.tuple("李小红", 45L, 1L));
		assertThat(report.days()).filteredOn(d -> d.minutes() > 0)
			.containsExactly(new DayFigure(DAY, 75, 2), new DayFigure(DAY.plusDays(1), 15, 1));
		var mings = reports.student(StudySchool.user(school.teacher()), school.classId(), ming.id(), WEEK);
		assertThat(mings.minutesEver()).isEqualTo(45);
		assertThat(mings.weeks()).containsExactly(new DayFigure(DAY.minusDays(7), 0, 0), new DayFigure(DAY, 45, 1));
		var schoolReport = reports.school(StudySchool.user(school.admin()), school.id(), WEEK);
		assertThat(schoolReport.minutes()).isEqualTo(90);
		assertThat(schoolReport.classes()).singleElement().isEqualTo(report.figures());
	}

	@Test
	void keepsEachSchoolsFiguresToItself() throws IOException {
		var other = StudySchool.open(program, peopleImport, people, classes);
		minutes(school.students().getFirst(), "2026-03-02T01:00:00Z", 10);
		minutes(other.students().getFirst(), "2026-03-02T01:00:00Z", 25);

		assertThat(reports.school(StudySchool.user(school.admin()), school.id(), WEEK).minutes()).isEqualTo(10);
		assertThat(reports.school(StudySchool.user(other.admin()), other.id(), WEEK).minutes()).isEqualTo(25);
		var perSchool = reports.program(StudySchool.operator(), WEEK).perSchool();
		assertThat(perSchool).filteredOn(s -> s.id().equals(school.id().toString())).singleElement()
			.extracting(SchoolFigure::studentsReached, SchoolFigure::studyMinutes, SchoolFigure::periodMinutes)
			.containsExactly(1L, 10L, 10L);
		assertThat(perSchool).filteredOn(s -> s.id().equals(other.id().toString())).singleElement()
			.extracting(SchoolFigure::studentsReached, SchoolFigure::studyMinutes, SchoolFigure::periodMinutes)
			.containsExactly(1L, 25L, 25L);
	}

	@Test
	void countsAMinuteOnTheProgramsDayNotUtcs() {
		// 17:30 UTC on 1 March is 01:30 on 2 March in Beijing, the default time zone.
		minute(school.students().getFirst(), "2026-03-01T17:30:00Z");

		var days = reports.school(StudySchool.user(school.admin()), school.id(), WEEK).days();

		assertThat(days).filteredOn(d -> d.minutes() > 0).containsExactly(new DayFigure(DAY, 1, 1));
	}

	@Test
	void countsNothingWhenThePublishersTransactionRollsBack() {
		transactions.executeWithoutResult(status -> {
			minute(school.students().getFirst(), "2026-03-02T01:00:00Z");
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult(status -> minute(school.students().get(1), "2026-03-02T01:00:00Z"));

		var report = reports.schoolClass(StudySchool.user(school.admin()), school.classId(), WEEK);
		assertThat(report.students()).extracting(StudentFigure::minutes).containsExactly(0L, 1L, 0L);
	}

	@Test
	void countsEachDesktopStartOnceAndTheMinutesOfActiveStudentsOnly() {
		var ming = school.students().getFirst();
		var desktop = UUID.randomUUID();
		var start = OffsetDateTime.parse("2026-03-02T01:00:00Z");
		events.publishEvent(new DesktopStarted(desktop, ming.id(), school.id(), start));
		events.publishEvent(new DesktopStarted(desktop, ming.id(), school.id(), start));
		events.publishEvent(new DesktopStopped(desktop, ming.id(), school.id(), DesktopStopped.Reason.OWNER, start.plusMinutes(40)));

		var report = reports.schoolClass(StudySchool.user(school.teacher()), school.classId(), WEEK);

		assertThat(report.students()).filteredOn(s -> s.id().equals(ming.id().toString())).singleElement()
			.extracting(StudentFigure::desktopStarts, StudentFigure::minutes, StudentFigure::activeDays)
			.containsExactly(1L, 0L, 0L);
		assertThat(report.figures().studentsActive()).isZero();
	}

	@Test
	void reachesAStudentWithTheirFirstMinuteAndCountsThemActiveThisWeek() {
		var now = OffsetDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
		events.publishEvent(new ActiveMinuteRecorded(school.students().getFirst().id(), school.id(), now));

		var program = reports.program(StudySchool.operator(), Period.of(7, null, null, reports.today()));

		assertThat(program.perSchool()).filteredOn(s -> s.id().equals(school.id().toString())).singleElement()
			.extracting(SchoolFigure::studentsReached, SchoolFigure::activeThisWeek, SchoolFigure::accounts)
			.containsExactly(1L, 1L, 5);
		assertThat(program.studentsReached()).isPositive();
	}

	private void minute(Person person, String at) {
		events.publishEvent(new ActiveMinuteRecorded(person.id(), school(person), OffsetDateTime.parse(at)));
	}

	private void minutes(Person person, String from, int count) {
		var start = OffsetDateTime.parse(from);
		for (int i = 0; i < count; i++) {
			events.publishEvent(new ActiveMinuteRecorded(person.id(), school(person), start.plusMinutes(i)));
		}
	}

	private static org.cloudroom.accounts.SchoolId school(Person person) {
		return java.util.Objects.requireNonNull(person.schoolId());
	}
}
