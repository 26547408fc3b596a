package org.cloudroom.classroom;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.desktops.DesktopLimitReached;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.drive.HomeFull;
import org.cloudroom.gateway.GatewayConnections;
import org.cloudroom.gateway.Mode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What a student's My computer tab learns live, as server-sent events on {@code /classroom/live}: {@code state}
 * (locked, watching the teacher's screen, seen by the teacher, helped by the teacher) at once and on every
 * change, each {@code message} of the teacher, and each {@code limit} their desktop met.
 */
@RestController
class StudentChannel {

	/** A student's classroom state; {@code broadcast} is the path to watch the teacher's desktop on, if shown. */
	record LiveState(boolean locked, boolean watched, boolean helping, @Nullable String broadcast) {
	}

	record Message(String from, String text) {
	}

	/** A message went to the class's {@code students}; {@code reached} of them had a tab open that took it. */
	record Delivered(int students, int reached) {
	}

	private static final long MB = 1024 * 1024;
	private static final Duration DELIVERY_WAIT = Duration.ofSeconds(3);

	private final ClassSessions sessions;
	private final Desktops desktops;
	private final GatewayConnections connections;
	private final Map<PersonId, List<SseEmitter>> listeners = new ConcurrentHashMap<>();
	/** The latest write queued for each student's tabs; the next one starts after it. */
	private final Map<PersonId, CompletableFuture<Boolean>> writes = new ConcurrentHashMap<>();
	private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

	StudentChannel(ClassSessions sessions, Desktops desktops, GatewayConnections connections) {
		this.sessions = sessions;
		this.desktops = desktops;
		this.connections = connections;
	}

	@GetMapping(path = "/classroom/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter live(@AuthenticationPrincipal CloudroomUser user) {
		var emitter = new SseEmitter(30 * 60 * 1000L);
		var mine = listeners.computeIfAbsent(user.id(), id -> new CopyOnWriteArrayList<>());
		mine.add(emitter);
		Runnable forget = () -> mine.remove(emitter);
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError(e -> forget.run());
		send(user.id(), emitter, "state", state(user.id()));
		return emitter;
	}

	LiveState state(PersonId student) {
		var running = sessions.runningFor(student).stream().filter(s -> sessions.isStudentOf(s, student)).toList();
		var broadcast = running.stream().filter(ClassSession::broadcasting).findFirst()
			.flatMap(s -> desktops.mine(s.teacher())).map(d -> d.connectPath() + "?mode=view").orElse(null);
		return new LiveState(running.stream().anyMatch(ClassSession::locked), !running.isEmpty(),
				connections.watchers(student, Mode.CONTROL) > 0 && !running.isEmpty(), broadcast);
	}

	/** Tells the student's open tabs their state as it is when the write comes to its turn. */
	void push(PersonId student) {
		if (!listeners.getOrDefault(student, List.of()).isEmpty()) {
			toTabsOf(student, () -> {
				var state = state(student);
				listeners.getOrDefault(student, List.of()).forEach(emitter -> send(student, emitter, "state", state));
				return true;
			});
		}
	}

	/**
	 * Writes to one student's tabs one after another, in order, on a thread of their own: a tab that does not read
	 * holds up neither the teacher nor the other students.
	 */
	private CompletableFuture<Boolean> toTabsOf(PersonId student, Supplier<Boolean> write) {
		var next = new AtomicReference<CompletableFuture<Boolean>>();
		writes.compute(student, (id, last) -> {
			next.set((last == null ? CompletableFuture.completedFuture(true) : last)
				.handleAsync((done, failed) -> write.get(), writers));
			return next.get();
		});
		return next.get();
	}

	/**
	 * The server is going down: every tab's channel ends now (the tab reconnects, to this server once it is back or
	 * to another), so that the graceful shutdown does not wait for channels that only end when their tab closes.
	 */
	@EventListener(ContextClosedEvent.class)
	void endAll() {
		listeners.values().forEach(mine -> mine.forEach(SseEmitter::complete));
		writers.shutdownNow();
	}

	@EventListener
	void on(SessionChanged changed) {
		sessions.students(changed.session()).forEach(student -> push(student.id()));
	}

	/**
	 * Pops the message up on the open tabs of the session's students: how many students it reached, of how many. A
	 * tab that has not taken it within a few seconds does not count as reached (it gets it when it reads again).
	 */
	Delivered deliver(MessageSent sent) {
		var message = new Message(sent.from(), sent.text());
		var students = sessions.students(sent.session());
		var deliveries = students.stream().filter(s -> !listeners.getOrDefault(s.id(), List.of()).isEmpty())
			.map(student -> toTabsOf(student.id(), () -> listeners.getOrDefault(student.id(), List.of()).stream()
				.map(emitter -> send(student.id(), emitter, "message", message)).reduce(false, Boolean::logicalOr)))
			.toList();
		CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
			.completeOnTimeout(null, DELIVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
		long reached = deliveries.stream().filter(d -> d.isDone() && !d.isCompletedExceptionally() && d.join()).count();
		return new Delivered(students.size(), (int) reached);
	}

	/**
	 * A limit of the desktop's, as the tab names it: {@code memory}, {@code processes}, {@code disk} (with the
	 * megabytes used and allowed).
	 */
	record LimitNotice(String limit, long usedMb, long quotaMb) {
	}

	/** The owner's tabs learn at once that their desktop met a limit, and say why a program ended or did not start. */
	@EventListener
	void on(DesktopLimitReached reached) {
		var mine = listeners.get(reached.owner());
		if (mine != null) {
			var notice = new LimitNotice(reached.limit().name().toLowerCase(java.util.Locale.ROOT), 0, 0);
			toTabsOf(reached.owner(), () -> {
				mine.forEach(emitter -> send(reached.owner(), emitter, "limit", notice));
				return true;
			});
		}
	}

	/** The owner's tabs learn that their home is full: programs on their desktop cannot save any more. */
	@EventListener
	void on(HomeFull full) {
		var mine = listeners.get(full.person());
		if (mine != null) {
			var notice = new LimitNotice("disk", Math.ceilDiv(full.usedBytes(), MB), full.quotaBytes() / MB);
			toTabsOf(full.person(), () -> {
				mine.forEach(emitter -> send(full.person(), emitter, "limit", notice));
				return true;
			});
		}
	}

	private boolean send(PersonId person, SseEmitter emitter, String name, Object data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException e) {
			var mine = listeners.get(person);
			if (mine != null) {
				mine.remove(emitter);
			}
			return false;
		}
	}
}
