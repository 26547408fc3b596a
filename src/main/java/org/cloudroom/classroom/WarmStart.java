package org.cloudroom.classroom;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.Role;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.status.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the desktops of a timetabled class a few minutes before its lesson (in the schools' time zone, {@code cloudroom.time-zone}), so that each
 * student's computer is already there when the bell rings. Each lesson is warmed once a day.
 */
@Component
class WarmStart {

	private static final Logger log = LoggerFactory.getLogger(WarmStart.class);

	private final Timetable timetable;
	private final People people;
	private final Desktops desktops;
	private final ClassroomSettings settings;
	private final Clock clock;
	private final Set<String> warmed = new HashSet<>();

	WarmStart(Timetable timetable, People people, Desktops desktops, ClassroomSettings settings, Clock clock) {
		this.clock = clock;
		this.timetable = timetable;
		this.people = people;
		this.desktops = desktops;
		this.settings = settings;
	}

	/** Warms the lessons starting soon; {@link ClassroomSchedule} runs it every {@code warm-check-every}. */
	void check() {
		if (!settings.warmStart().isPositive()) {
			return;
		}
		warm(LocalDateTime.now(clock));
	}

	/** Starts the desktops of every class whose lesson starts within the warm-start time from {@code now}. */
	List<Lesson> warm(LocalDateTime now) {
		var soon = lessonsStartingWithin(now);
		for (var lesson : soon) {
			if (!warmed.add(lesson.id() + "@" + now.toLocalDate())) {
				continue;
			}
			var students = people.ofClass(lesson.classId()).stream().filter(p -> p.role() == Role.STUDENT).toList();
			log.info("Warm start of {} desktop(s) for the lesson at {}", students.size(), lesson.start());
			// Off the scheduler's thread: the broker starts them in turn, which takes a while for a class.
			students.forEach(student -> Thread.ofVirtual().name("warm-" + student.username()).start(() -> start(student)));
		}
		return soon;
	}

	private List<Lesson> lessonsStartingWithin(LocalDateTime now) {
		var until = now.plus(settings.warmStart());
		return timetable.on(now.getDayOfWeek()).stream()
			.filter(l -> !l.start().isBefore(now.toLocalTime())
					&& !l.start().isAfter(until.toLocalTime()) && !until.toLocalDate().isAfter(now.toLocalDate()))
			.toList();
	}

	private void start(Person student) {
		var user = new CloudroomUser(student.id(), student.schoolId(), student.username(), student.role());
		var locale = student.language() == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(student.language());
		try {
			desktops.startOrResume(user, locale);
		}
		catch (Refused refused) {
			log.warn("Warm start of {}'s desktop refused: {}", student.username(), refused.messageKey());
		}
	}
}
