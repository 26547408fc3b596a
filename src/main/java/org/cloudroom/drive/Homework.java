package org.cloudroom.drive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.cloudroom.accounts.CloudroomUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a student is to hand in, for their home page: the assignments of their classes, where to put the work (in
 * My files and on their computer, named in their language) and the comment their teacher handed back.
 */
@Component
public class Homework {

	/** How many closed assignments are still shown, the last closed first, for their comments. */
	static final int CLOSED_SHOWN = 3;

	/**
	 * One assignment.
	 *
	 * @param folder its hand-in folder in the student's drive, as {@code /drive?path=} takes it
	 * @param onComputer the names of the same folder on their computer, from their home folder down
	 * @param commentNew whether the comment is shown to the student for the first time
	 */
	public record Task(String title, String className, OffsetDateTime dueAt, boolean open, String folder,
			List<String> onComputer, @Nullable String comment, boolean commentNew) {
	}

	private final HandIns handIns;

	Homework(HandIns handIns) {
		this.handIns = handIns;
	}

	/**
	 * The student's open assignments, the one due soonest first, then the last few closed ones; none for anyone
	 * else. A comment shown here counts as seen from then on.
	 */
	public List<Task> shownTo(CloudroomUser student) {
		var mine = handIns.mine(student);
		var shown = Stream.concat(mine.stream().filter(HandIns.Mine::open),
				mine.stream().filter(m -> !m.open()).limit(CLOSED_SHOWN)).toList();
		shown.forEach(m -> handIns.commentShown(student, m));
		return shown.stream().map(m -> new Task(m.assignment().title(), m.className(), m.assignment().dueAt(),
				m.open(), m.path(), List.of(m.path().split("/")), m.comment(), m.commentNew())).toList();
	}
}
