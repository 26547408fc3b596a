package org.cloudroom.classroom;

import java.util.Optional;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.gateway.GatewayConnections;
import org.cloudroom.gateway.Mode;
import org.cloudroom.gateway.Supervision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The classroom's rules for the gateway. During a running session its teacher may watch or control the desktop of
 * any student of the class; while the teacher shows their screen, the class's students may watch it; while the
 * session's screens are locked, the students' input is dropped. Nothing else: not outside a session, not another
 * class, never a student another student.
 */
@Component
class Supervisor implements Supervision {

	private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

	private final ClassSessions sessions;
	private final GatewayConnections connections;
	private final StudentChannel channel;
	private final Thumbnails thumbnails;

	Supervisor(ClassSessions sessions, GatewayConnections connections, StudentChannel channel,
			Thumbnails thumbnails) {
		this.thumbnails = thumbnails;
		this.sessions = sessions;
		this.connections = connections;
		this.channel = channel;
	}

	@Override
	public Optional<Mode> modeFor(CloudroomUser who, Desktop desktop) {
		if (sessionOfTeacher(who.id(), desktop.owner()).isPresent()) {
			return Optional.of(Mode.CONTROL);
		}
		var watchesTeacher = sessions.runningFor(who.id()).stream()
			.anyMatch(s -> s.broadcasting() && s.teacher().equals(desktop.owner()) && sessions.isStudentOf(s, who.id()));
		return watchesTeacher ? Optional.of(Mode.VIEW) : Optional.empty();
	}

	@Override
	public boolean locked(PersonId owner) {
		return sessions.runningFor(owner).stream().anyMatch(s -> s.locked() && sessions.isStudentOf(s, owner));
	}

	@Override
	public void connected(CloudroomUser who, Desktop desktop, Mode mode) {
		if (who.id().equals(desktop.owner())) {
			sessions.joined(who.id());
			return;
		}
		if (mode == Mode.CONTROL) {
			sessionOfTeacher(who.id(), desktop.owner()).ifPresent(session -> {
				sessions.tookOver(session, who.id(), desktop.owner());
				log.info("{} took control of the desktop of {} in class session {}", who.username(), desktop.owner(),
						session.id());
			});
		}
		channel.push(desktop.owner());
	}

	@Override
	public void disconnected(CloudroomUser who, Desktop desktop, Mode mode) {
		if (!who.id().equals(desktop.owner())) {
			channel.push(desktop.owner());
		}
	}

	/** Locks, unlocks and ends the open connections as the session now says. */
	@EventListener
	void on(SessionChanged changed) {
		var session = changed.session();
		for (var student : sessions.students(session)) {
			connections.lock(student.id(), locked(student.id()));
			if (!session.running()) {
				connections.closeWatchers(student.id());
				thumbnails.stopWatching(student.id());
			}
		}
		if (!session.running() || !session.broadcasting()) {
			connections.closeWatchers(session.teacher());
		}
	}

	private Optional<ClassSession> sessionOfTeacher(PersonId teacher, PersonId student) {
		return sessions.runningBy(teacher).stream().filter(s -> sessions.isStudentOf(s, student)).findFirst();
	}
}
