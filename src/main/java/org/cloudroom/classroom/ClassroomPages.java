package org.cloudroom.classroom;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's rooms and timetable, a class's sessions for its teachers, and the wall for the session's teacher. */
@Controller
class ClassroomPages {

	/** A student as the seat map shows them. */
	record SeatingStudent(String id, String name, String username) {
	}

	private final Rooms rooms;
	private final Timetable timetable;
	private final ClassSessions sessions;
	private final Classes classes;
	private final People people;

	ClassroomPages(Rooms rooms, Timetable timetable, ClassSessions sessions, Classes classes, People people) {
		this.rooms = rooms;
		this.timetable = timetable;
		this.sessions = sessions;
		this.classes = classes;
		this.people = people;
	}

	@GetMapping("/schools/{schoolId}/classroom")
	String rooms(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId, Model model) {
		user.requireAdminOf(schoolId);
		var roomList = rooms.ofSchool(schoolId);
		model.addAttribute("schoolId", schoolId);
		model.addAttribute("rooms", roomList);
		model.addAttribute("roomsById", roomList.stream().collect(Collectors.toMap(Room::id, Function.identity())));
		model.addAttribute("classes", classes.ofSchool(schoolId));
		model.addAttribute("classesById", classes.ofSchool(schoolId).stream()
			.collect(Collectors.toMap(c -> c.id(), c -> c.name())));
		model.addAttribute("lessons", timetable.ofSchool(schoolId));
		model.addAttribute("students", people.ofSchool(schoolId).stream().filter(p -> p.role() == Role.STUDENT)
			.map(p -> new SeatingStudent(p.id().toString(), p.displayName(), p.username())).toList());
		model.addAttribute("classMembers", classes.ofSchool(schoolId).stream().collect(Collectors.toMap(
				c -> c.id().toString(), c -> people.ofClass(c.id()).stream().map(p -> p.id().toString()).toList())));
		model.addAttribute("days", DayOfWeek.values());
		return "classroom/rooms";
	}

	@PostMapping("/schools/{schoolId}/classroom/rooms")
	String addRoom(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam String name, @RequestParam int rows, @RequestParam int columns, RedirectAttributes flash) {
		return act(flash, "classroom.room-added", () -> rooms.create(user, schoolId, name, rows, columns),
				"/schools/" + schoolId + "/classroom");
	}

	@PostMapping("/schools/{schoolId}/classroom/lessons")
	String addLesson(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam ClassId classId, @RequestParam UUID room, @RequestParam DayOfWeek day,
			@RequestParam LocalTime start, @RequestParam LocalTime end, RedirectAttributes flash) {
		return act(flash, "classroom.lesson-added",
				() -> timetable.add(user, schoolId, classId, room, day, start, end), "/schools/" + schoolId + "/classroom");
	}

	@PostMapping("/schools/{schoolId}/classroom/lessons/{lessonId}/remove")
	String removeLesson(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable UUID lessonId) {
		timetable.remove(user, schoolId, lessonId);
		return "redirect:/schools/" + schoolId + "/classroom";
	}

	@GetMapping("/classes/{classId}/sessions")
	String ofClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId, Model model) {
		var schoolClass = sessions.requireTeaching(user, classId);
		var running = sessions.runningOf(classId);
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("running", running.orElse(null));
		model.addAttribute("mine", running.filter(s -> s.teacher().equals(user.id())).isPresent());
		model.addAttribute("past", sessions.ofClass(classId).stream().filter(s -> !s.running()).limit(20).toList());
		model.addAttribute("lessons", timetable.ofClass(classId));
		model.addAttribute("rooms", rooms.ofSchool(schoolClass.schoolId()).stream()
			.collect(Collectors.toMap(Room::id, Room::name)));
		return "classroom/sessions";
	}

	@PostMapping("/classes/{classId}/sessions")
	String start(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@RequestParam(required = false) UUID lesson, RedirectAttributes flash) {
		try {
			var schoolClass = sessions.requireTeaching(user, classId);
			var session = lesson == null ? sessions.start(user, classId, null)
					: sessions.startLesson(user, schoolClass.schoolId(), lesson);
			return "redirect:/sessions/" + session.id();
		}
		catch (Refused refused) {
			if (refused.status() == Status.NOT_FOUND || refused.status() == Status.FORBIDDEN) {
				throw refused;
			}
			flash.addFlashAttribute("refused", refused);
			return "redirect:/classes/" + classId + "/sessions";
		}
	}

	@GetMapping("/sessions/{sessionId}")
	String wall(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID sessionId, Model model) {
		var session = sessions.require(user, sessionId);
		if (!session.running()) {
			return "redirect:/classes/" + session.classId() + "/sessions";
		}
		sessions.requireSupervising(user, session);
		model.addAttribute("classSession", session);
		model.addAttribute("schoolClass", classes.find(session.school(), session.classId()).orElseThrow());
		return "classroom/wall";
	}

	@PostMapping("/sessions/{sessionId}/end")
	String end(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID sessionId, RedirectAttributes flash) {
		var session = sessions.end(user, sessionId);
		flash.addFlashAttribute("notice", "classroom.session-ended");
		return "redirect:/classes/" + session.classId() + "/sessions";
	}

	private static String act(RedirectAttributes flash, String notice, Runnable action, String back) {
		try {
			action.run();
			flash.addFlashAttribute("notice", notice);
		}
		catch (Refused refused) {
			flash.addFlashAttribute("refused", refused);
		}
		return "redirect:" + back;
	}
}
