package org.cloudroom.classroom;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rooms, seats, the timetable and class sessions in the JSON API. */
@RestController
@RequestMapping("/api/v1")
class ClassroomApi {

	record NewRoom(String name, int rows, int columns) {
	}

	/** A seat; {@code ifTaken} says what becomes of somebody sitting there: {@code swap} or {@code unseat}. */
	record SeatAt(int row, int column, @Nullable String ifTaken) {
	}

	record NewLesson(String classId, UUID room, DayOfWeek day, LocalTime start, LocalTime end) {
	}

	record StartSession(@Nullable UUID room) {
	}

	record Locked(boolean locked) {
	}

	record Broadcasting(boolean broadcasting) {
	}

	record Text(String text) {
	}

	record RoomView(UUID id, String name, int rows, int columns) {
		static RoomView of(Room r) {
			return new RoomView(r.id(), r.name(), r.rows(), r.columns());
		}
	}

	record SeatView(String person, int row, int column) {
		static SeatView of(Seat s) {
			return new SeatView(s.person().toString(), s.row(), s.column());
		}
	}

	record LessonView(UUID id, String classId, UUID room, DayOfWeek day, LocalTime start, LocalTime end) {
		static LessonView of(Lesson l) {
			return new LessonView(l.id(), l.classId().toString(), l.room(), l.day(), l.start(), l.end());
		}
	}

	record SessionView(UUID id, String classId, @Nullable UUID room, @Nullable UUID lesson, String teacher,
			OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt, boolean running, boolean locked,
			boolean broadcasting) {
		static SessionView of(ClassSession s) {
			return new SessionView(s.id(), s.classId().toString(), s.room(), s.lesson(), s.teacher().toString(),
					s.startedAt(), s.endedAt(), s.running(), s.locked(), s.broadcasting());
		}
	}

	record TileView(String student, String name, String username, int row, int column, boolean online,
			boolean watching, boolean active, @Nullable UUID desktop, @Nullable OffsetDateTime joinedAt,
			int activeMinutes) {
		static TileView of(Wall.Tile t) {
			return new TileView(t.student().toString(), t.name(), t.username(), t.row(), t.column(), t.online(),
					t.watching(), t.active(), t.desktop(), t.joinedAt(), t.activeMinutes());
		}
	}

	record AttendanceView(String student, OffsetDateTime joinedAt, int activeMinutes) {
	}

	record TakeOverView(String teacher, String student, OffsetDateTime at) {
	}

	record WallView(SessionView session, int rows, int columns, List<TileView> students, List<TakeOverView> takeOvers) {
	}

	private final Rooms rooms;
	private final Timetable timetable;
	private final ClassSessions sessions;
	private final Wall wall;
	private final Thumbnails thumbnails;
	private final StudentChannel channel;

	ClassroomApi(Rooms rooms, Timetable timetable, ClassSessions sessions, Wall wall, Thumbnails thumbnails,
			StudentChannel channel) {
		this.thumbnails = thumbnails;
		this.channel = channel;
		this.rooms = rooms;
		this.timetable = timetable;
		this.sessions = sessions;
		this.wall = wall;
	}

	@GetMapping("/schools/{schoolId}/rooms")
	List<RoomView> rooms(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		user.requireMemberOf(schoolId);
		return rooms.ofSchool(schoolId).stream().map(RoomView::of).toList();
	}

	@PostMapping("/schools/{schoolId}/rooms")
	@ResponseStatus(HttpStatus.CREATED)
	RoomView createRoom(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestBody NewRoom room) {
		return RoomView.of(rooms.create(user, schoolId, room.name() == null ? "" : room.name(), room.rows(),
				room.columns()));
	}

	@GetMapping("/rooms/{roomId}/seats")
	List<SeatView> seats(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID roomId) {
		return rooms.seats(rooms.require(user, roomId).id()).stream().map(SeatView::of).toList();
	}

	@PutMapping("/rooms/{roomId}/seats/{personId}")
	SeatView place(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID roomId,
			@PathVariable PersonId personId, @RequestBody SeatAt seat) {
		return SeatView.of(rooms.place(user, roomId, personId, seat.row(), seat.column(), whenTaken(seat.ifTaken())));
	}

	@DeleteMapping("/rooms/{roomId}/seats/{personId}")
	ResponseEntity<Void> unseat(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID roomId,
			@PathVariable PersonId personId) {
		rooms.unseat(user, roomId, personId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/schools/{schoolId}/timetable")
	List<LessonView> timetable(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		user.requireMemberOf(schoolId);
		return timetable.ofSchool(schoolId).stream().map(LessonView::of).toList();
	}

	@PostMapping("/schools/{schoolId}/timetable")
	@ResponseStatus(HttpStatus.CREATED)
	LessonView addLesson(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestBody NewLesson lesson) {
		if (lesson.classId() == null || lesson.room() == null || lesson.day() == null || lesson.start() == null
				|| lesson.end() == null) {
			throw new Refused(Status.UNPROCESSABLE, "classroom.lesson.incomplete");
		}
		return LessonView.of(timetable.add(user, schoolId, classId(lesson.classId()), lesson.room(), lesson.day(),
				lesson.start(), lesson.end()));
	}

	@DeleteMapping("/schools/{schoolId}/timetable/{lessonId}")
	ResponseEntity<Void> removeLesson(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable UUID lessonId) {
		timetable.remove(user, schoolId, lessonId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/classes/{classId}/sessions")
	@ResponseStatus(HttpStatus.CREATED)
	SessionView start(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@RequestBody(required = false) @Nullable StartSession start) {
		return SessionView.of(sessions.start(user, classId, start == null ? null : start.room()));
	}

	@PostMapping("/schools/{schoolId}/timetable/{lessonId}/session")
	@ResponseStatus(HttpStatus.CREATED)
	SessionView startLesson(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable UUID lessonId) {
		return SessionView.of(sessions.startLesson(user, schoolId, lessonId));
	}

	@GetMapping("/sessions/{sessionId}")
	WallView session(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID sessionId) {
		var session = sessions.requireRunning(user, sessionId);
		var view = wall.of(session);
		return new WallView(SessionView.of(session), view.rows(), view.columns(),
				view.tiles().stream().map(TileView::of).toList(), sessions.takeOvers(session).stream()
					.map(t -> new TakeOverView(t.teacher().toString(), t.student().toString(), t.at())).toList());
	}

	/** A student's live thumbnail: only for the session's teacher, only while it runs (403 otherwise). */
	@GetMapping(path = "/sessions/{sessionId}/students/{personId}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID sessionId,
			@PathVariable PersonId personId) {
		var session = sessions.requireRunning(user, sessionId);
		if (!sessions.isStudentOf(session, personId)) {
			throw Refused.notFound();
		}
		return thumbnails.jpeg(personId)
			.map(jpeg -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_JPEG)
				.body(jpeg))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping("/sessions/{sessionId}/attendance")
	List<AttendanceView> attendance(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID sessionId) {
		return sessions.attendance(sessions.require(user, sessionId)).stream()
			.map(a -> new AttendanceView(a.student().toString(), a.joinedAt(), a.activeMinutes())).toList();
	}

	@PostMapping("/sessions/{sessionId}/end")
	SessionView end(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID sessionId) {
		return SessionView.of(sessions.end(user, sessionId));
	}

	@PutMapping("/sessions/{sessionId}/lock")
	SessionView lock(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID sessionId,
			@RequestBody Locked locked) {
		return SessionView.of(sessions.lock(user, sessionId, locked.locked()));
	}

	@PutMapping("/sessions/{sessionId}/broadcast")
	SessionView broadcast(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID sessionId,
			@RequestBody Broadcasting broadcasting) {
		return SessionView.of(sessions.broadcast(user, sessionId, broadcasting.broadcasting()));
	}

	@PostMapping("/sessions/{sessionId}/messages")
	StudentChannel.Delivered message(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID sessionId,
			@RequestBody Text text) {
		return channel.deliver(sessions.message(user, sessionId, text.text() == null ? "" : text.text()));
	}

	private static Rooms.WhenTaken whenTaken(@Nullable String ifTaken) {
		return switch (ifTaken == null ? "" : ifTaken) {
			case "" -> Rooms.WhenTaken.REFUSE;
			case "swap" -> Rooms.WhenTaken.SWAP;
			case "unseat" -> Rooms.WhenTaken.UNSEAT;
			default -> throw new Refused(Status.UNPROCESSABLE, "classroom.seat.if-taken");
		};
	}

	private static ClassId classId(String text) {
		try {
			return ClassId.of(text);
		}
		catch (IllegalArgumentException e) {
			throw Refused.notFound();
		}
	}
}
