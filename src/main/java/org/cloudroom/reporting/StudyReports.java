package org.cloudroom.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolClass;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.accounts.Schools;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures each person may see: the operator the program's, a school admin their school's, a teacher their
 * classes'. Another school's ids are "not found"; a student, or a teacher of another class, is "forbidden".
 */
@Service
@Transactional(readOnly = true)
class StudyReports {

	private final StudyFigures figures;
	private final Schools schools;
	private final Classes classes;
	private final People people;
	private final Clock clock;

	StudyReports(StudyFigures figures, Schools schools, Classes classes, People people, Clock clock) {
		this.figures = figures;
		this.schools = schools;
		this.classes = classes;
		this.people = people;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Reports.Program program(CloudroomUser user, Period period) {
		user.requireOperator();
		var reach = figures.reachPerSchool(today().minusDays(6));
		var periodMinutes = figures.minutesPerSchool(period);
		var perSchool = new ArrayList<SchoolFigure>();
		for (var school : schools.all()) {
			var r = reach.getOrDefault(school.id(), new StudyFigures.Reach(0, 0, 0));
			perSchool.add(new SchoolFigure(school.id().toString(), school.name(), school.accountsUsed(), r.students(),
					r.minutes(), r.activeSince(), periodMinutes.getOrDefault(school.id(), 0L)));
		}
		return new Reports.Program(period.from(), period.to(), perSchool.size(),
				perSchool.stream().mapToInt(SchoolFigure::accounts).sum(),
				perSchool.stream().mapToLong(SchoolFigure::studentsReached).sum(),
				perSchool.stream().mapToLong(SchoolFigure::studyMinutes).sum(),
				perSchool.stream().mapToLong(SchoolFigure::activeThisWeek).sum(),
				perSchool.stream().mapToLong(SchoolFigure::periodMinutes).sum(),
				Series.everyDay(period, figures.programDays(period)), perSchool);
	}

	Reports.School school(CloudroomUser user, SchoolId schoolId, Period period) {
		user.requireAdminOf(schoolId);
		var school = schools.find(schoolId).orElseThrow(Refused::notFound);
		var sums = figures.perPerson(schoolId, period);
		var students = people.ofSchool(schoolId).stream().filter(p -> p.role() == Role.STUDENT).toList();
		var perClass = classes.ofSchool(schoolId).stream().map(c -> classFigure(c, sums)).toList();
		return new Reports.School(schoolId.toString(), school.name(), period.from(), period.to(), students.size(),
				students.stream().filter(p -> active(sums, p.id())).count(),
				students.stream().mapToLong(p -> minutes(sums, p.id())).sum(),
				Series.everyDay(period, figures.schoolDays(schoolId, period)), perClass);
	}

	/** Every student of the school with their classes and figures, for the school's CSV file. */
	List<StudentFigure> schoolStudents(CloudroomUser user, SchoolId schoolId, Period period) {
		user.requireAdminOf(schoolId);
		schools.find(schoolId).orElseThrow(Refused::notFound);
		var classNames = new HashMap<PersonId, List<String>>();
		for (var c : classes.ofSchool(schoolId)) {
			people.ofClass(c.id()).forEach(p -> classNames.computeIfAbsent(p.id(), id -> new ArrayList<>()).add(c.name()));
		}
		var sums = figures.perPerson(schoolId, period);
		return people.ofSchool(schoolId).stream().filter(p -> p.role() == Role.STUDENT)
			.map(p -> studentFigure(p, classNames.getOrDefault(p.id(), List.of()), sums))
			.sorted(Comparator.comparing((StudentFigure f) -> String.join(",", f.classes()))
				.thenComparing(StudentFigure::displayName))
			.toList();
	}

	/** The classes this teacher runs (for an admin or the operator: those they are a member of). */
	List<ClassFigure> teacherClasses(CloudroomUser user, Period period) {
		if (user.role() == Role.STUDENT || user.school() == null) {
			throw new Refused(Status.FORBIDDEN, "error.forbidden");
		}
		var sums = figures.perPerson(user.school(), period);
		return classes.ofPerson(user.id()).stream().map(c -> classFigure(c, sums)).toList();
	}

	Reports.Class schoolClass(CloudroomUser user, ClassId classId, Period period) {
		var schoolClass = classes.requireTeacherOf(user, classId);
		var students = studentsOf(schoolClass);
		var ids = students.stream().map(Person::id).toList();
		var sums = figures.perPerson(schoolClass.schoolId(), ids, period);
		return new Reports.Class(classFigure(schoolClass, students, sums), period.from(), period.to(),
				Series.everyDay(period, figures.peopleDays(schoolClass.schoolId(), ids, period)),
				students.stream().map(p -> studentFigure(p, List.of(schoolClass.name()), sums)).toList());
	}

	Reports.Student student(CloudroomUser user, ClassId classId, PersonId personId, Period period) {
		var schoolClass = classes.requireTeacherOf(user, classId);
		var student = studentsOf(schoolClass).stream().filter(p -> p.id().equals(personId)).findFirst()
			.orElseThrow(Refused::notFound);
		var sums = figures.perPerson(schoolClass.schoolId(), List.of(personId), period);
		var days = Series.everyDay(period, figures.peopleDays(schoolClass.schoolId(), List.of(personId), period));
		return new Reports.Student(studentFigure(student, List.of(schoolClass.name()), sums), period.from(),
				period.to(), figures.minutesEver(personId), days, Series.perWeek(days));
	}

	private List<Person> studentsOf(SchoolClass schoolClass) {
		return people.ofClass(schoolClass.id()).stream().filter(p -> p.role() == Role.STUDENT).toList();
	}

	private ClassFigure classFigure(SchoolClass schoolClass, Map<PersonId, StudyFigures.PersonSums> sums) {
		return classFigure(schoolClass, studentsOf(schoolClass), sums);
	}

	private static ClassFigure classFigure(SchoolClass schoolClass, List<Person> students,
			Map<PersonId, StudyFigures.PersonSums> sums) {
		return new ClassFigure(schoolClass.id().toString(), schoolClass.schoolId().toString(), schoolClass.name(),
				students.size(), students.stream().filter(p -> active(sums, p.id())).count(),
				students.stream().mapToLong(p -> minutes(sums, p.id())).sum());
	}

	private static StudentFigure studentFigure(Person person, List<String> classNames,
			Map<PersonId, StudyFigures.PersonSums> sums) {
		var s = sums.getOrDefault(person.id(), new StudyFigures.PersonSums(0, 0, 0));
		return new StudentFigure(person.id().toString(), person.username(), person.displayName(), classNames,
				s.minutes(), s.activeDays(), s.desktopStarts());
	}

	private static boolean active(Map<PersonId, StudyFigures.PersonSums> sums, PersonId person) {
		return minutes(sums, person) > 0;
	}

	private static long minutes(Map<PersonId, StudyFigures.PersonSums> sums, PersonId person) {
		var s = sums.get(person);
		return s == null ? 0 : s.minutes();
	}
}
