package org.cloudroom.classroom;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolClass;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Class sessions: a teacher of the class starts one (from the timetable or on the spot) and ends it; while it runs
 * they, and nobody else, may see the class's screens, lock them, show their own, send a message. Attendance is who
 * joined and when.
 */
@Service
public class ClassSessions {

	private final ClassSessionRecords records;
	private final Classes classes;
	private final People people;
	private final Rooms rooms;
	private final Timetable timetable;
	private final Desktops desktops;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	ClassSessions(ClassSessionRecords records, Classes classes, People people, Rooms rooms, Timetable timetable,
			Desktops desktops, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.records = records;
		this.classes = classes;
		this.people = people;
		this.rooms = rooms;
		this.timetable = timetable;
		this.desktops = desktops;
		this.events = events;
	}

	/**
	 * Starts a session of the class, in the room given, or else the room of the class's lesson now. A session the
	 * same teacher runs already is simply returned; one run by another teacher is a conflict.
	 */
	public ClassSession start(CloudroomUser user, ClassId classId, @Nullable UUID roomId) {
		return start(user, classId, roomId, timetable.at(classId, LocalDateTime.now(clock)));
	}

	/** Starts the session of a timetabled lesson, in its room. */
	public ClassSession startLesson(CloudroomUser user, SchoolId school, UUID lessonId) {
		user.requireMemberOf(school);
		var lesson = timetable.find(school, lessonId).orElseThrow(Refused::notFound);
		return start(user, lesson.classId(), lesson.room(), Optional.of(lesson));
	}

	/**
	 * The session is written in a transaction; the live parts ({@link SessionChanged}) follow once it is committed
	 * and its connection is back in the pool, as they write to the students' tabs and the gateway's connections. Who
	 * is at their desktop is asked before, as the desktops' provider may ask a cluster.
	 */
	private ClassSession start(CloudroomUser user, ClassId classId, @Nullable UUID roomId, Optional<Lesson> lesson) {
		var schoolClass = requireTeaching(user, classId);
		var atTheirDesktops = people.ofClass(classId).stream().filter(p -> p.role() == Role.STUDENT)
			.filter(p -> desktops.mine(p.id()).filter(d -> d.connections() > 0).isPresent()).map(Person::id).toList();
		var session = Objects.requireNonNull(transactions.execute(status -> {
			var running = runningOf(classId);
			if (running.isPresent()) {
				if (running.get().teacher().equals(user.id())) {
					return running.get();
				}
				throw new Refused(Status.CONFLICT, "classroom.session.running-by-other");
			}
			if (roomId != null) {
				rooms.find(schoolClass.schoolId(), roomId).orElseThrow(Refused::notFound);
			}
			var room = roomId != null ? roomId : lesson.map(Lesson::room).orElse(null);
			var started = new ClassSession(UUID.randomUUID(), schoolClass.schoolId(), classId, room,
					lesson.map(Lesson::id).orElse(null), user.id(), now(), null, false, false);
			records.insert(started);
			events.publishEvent(new ClassSessionStarted(started.id(), started.school(), classId, user.id(),
					started.startedAt()));
			atTheirDesktops.forEach(student -> attend(started, student));
			return started;
		}));
		events.publishEvent(new SessionChanged(session));
		return session;
	}

	/**
	 * Ends the session: its teacher does, or another teacher of the class when it was left running (ending shows
	 * nobody anything). As at the start, the live parts follow after the commit.
	 */
	public ClassSession end(CloudroomUser user, UUID sessionId) {
		var after = Objects.requireNonNull(transactions.execute(status -> {
			var session = require(user, sessionId);
			if (!session.running()) {
				throw new Refused(Status.FORBIDDEN, "classroom.session.ended");
			}
			var ended = now();
			records.end(sessionId, ended);
			events.publishEvent(new ClassSessionEnded(sessionId, session.school(), session.classId(),
					session.teacher(), session.startedAt(), ended));
			return find(sessionId).orElseThrow();
		}));
		events.publishEvent(new SessionChanged(after));
		return after;
	}

	public ClassSession lock(CloudroomUser user, UUID sessionId, boolean locked) {
		requireRunning(user, sessionId);
		records.lock(sessionId, locked);
		var after = find(sessionId).orElseThrow();
		events.publishEvent(new SessionChanged(after));
		return after;
	}

	/** Shows the session teacher's screen to the class, or stops; it needs the teacher's desktop running. */
	public ClassSession broadcast(CloudroomUser user, UUID sessionId, boolean broadcasting) {
		var session = requireRunning(user, sessionId);
		if (broadcasting && desktops.mine(session.teacher()).isEmpty()) {
			throw new Refused(Status.CONFLICT, "classroom.broadcast.no-desktop");
		}
		records.broadcast(sessionId, broadcasting);
		var after = find(sessionId).orElseThrow();
		events.publishEvent(new SessionChanged(after));
		return after;
	}

	/** A message of the session's teacher to its class, checked and signed; the student channel delivers it. */
	MessageSent message(CloudroomUser user, UUID sessionId, String text) {
		var session = requireRunning(user, sessionId);
		var trimmed = text.strip();
		if (trimmed.isEmpty() || trimmed.length() > 500) {
			throw new Refused(Status.UNPROCESSABLE, "classroom.message.length", 500);
		}
		var from = people.find(user.id()).map(Person::displayName).orElse(user.username());
		return new MessageSent(session, from, trimmed);
	}

	/**
	 * The class, for one of its teachers: only they run its sessions. Another school's class is "not found"; the
	 * school's admin, the operator and everybody else are "forbidden".
	 */
	public SchoolClass requireTeaching(CloudroomUser user, ClassId classId) {
		var schoolClass = classes.requireTeacherOf(user, classId);
		if (user.role() != Role.TEACHER) {
			throw new Refused(Status.FORBIDDEN, "classroom.teachers-only");
		}
		return schoolClass;
	}

	/**
	 * The session, for a teacher of its class (its record: attendance, ending it); another school's session is "not
	 * found", anybody else "forbidden".
	 */
	public ClassSession require(CloudroomUser user, UUID sessionId) {
		var session = find(sessionId).orElseThrow(Refused::notFound);
		user.requireMemberOf(session.school());
		requireTeaching(user, session.classId());
		return session;
	}

	/**
	 * As {@link #require}, for the teacher who started the session and while it runs: only they see the class's
	 * screens and act on them (403 for anybody else, and for everybody after its end).
	 */
	public ClassSession requireRunning(CloudroomUser user, UUID sessionId) {
		return requireSupervising(user, require(user, sessionId));
	}

	/** A session {@link #require} gave, when the person supervises it: they started it, and it runs. */
	ClassSession requireSupervising(CloudroomUser user, ClassSession session) {
		if (!session.teacher().equals(user.id())) {
			throw new Refused(Status.FORBIDDEN, "classroom.session.not-yours");
		}
		if (!session.running()) {
			throw new Refused(Status.FORBIDDEN, "classroom.session.ended");
		}
		return session;
	}

	public Optional<ClassSession> find(UUID id) {
		return records.find(id);
	}

	public Optional<ClassSession> runningOf(ClassId classId) {
		return records.runningOf(classId);
	}

	/**
	 * The running sessions of the classes a student is in, that a teacher of the class runs: one somebody else
	 * started (a school admin could, once) or whose teacher left the class holds nobody.
	 */
	public List<ClassSession> runningFor(PersonId student) {
		return classes.ofPerson(student).stream().map(c -> runningOf(c.id())).flatMap(Optional::stream)
			.filter(this::runByATeacherOfTheClass).toList();
	}

	/** The running sessions a teacher runs, of classes they still teach. */
	public List<ClassSession> runningBy(PersonId teacher) {
		return records.runningBy(teacher).stream().filter(this::runByATeacherOfTheClass).toList();
	}

	private boolean runByATeacherOfTheClass(ClassSession session) {
		return people.find(session.teacher()).filter(p -> p.role() == Role.TEACHER).isPresent()
				&& classes.hasMember(session.classId(), session.teacher());
	}

	/** The past and running sessions of a class, the newest first. */
	public List<ClassSession> ofClass(ClassId classId) {
		return records.ofClass(classId);
	}

	/** The students of the session's class. */
	public List<Person> students(ClassSession session) {
		return people.ofClass(session.classId()).stream().filter(p -> p.role() == Role.STUDENT).toList();
	}

	public boolean isStudentOf(ClassSession session, PersonId person) {
		return classes.hasMember(session.classId(), person)
				&& people.find(person).filter(p -> p.role() == Role.STUDENT).isPresent();
	}

	public List<Attendance> attendance(ClassSession session) {
		return records.attendance(session.id());
	}

	/** A student connected to their desktop: they joined each running session of their classes, once. */
	@Transactional
	public void joined(PersonId student) {
		for (var session : runningFor(student)) {
			if (isStudentOf(session, student)) {
				attend(session, student);
			}
		}
	}

	/** A minute the student worked on their desktop: it counts in each running session of their classes. */
	@Transactional
	public void activeMinute(PersonId student) {
		for (var session : runningFor(student)) {
			if (isStudentOf(session, student)) {
				attend(session, student);
				records.countActiveMinute(session.id(), student);
			}
		}
	}

	void tookOver(ClassSession session, PersonId teacher, PersonId student) {
		records.tookOver(session, teacher, student, now());
	}

	/** Who took control of whose desktop in the session, and when, the newest first. */
	public List<TakeOver> takeOvers(ClassSession session) {
		return records.takeOvers(session.id());
	}

	private void attend(ClassSession session, PersonId student) {
		if (records.attended(session.id(), student)) {
			return;
		}
		var at = now();
		records.attend(session, student, at);
		events.publishEvent(new AttendanceRecorded(session.id(), session.school(), session.classId(), student, at));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
	}
}
