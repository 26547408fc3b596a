package org.cloudroom.apps;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher asks for an app their class does not get, with a reason; the school admin decides on apps the school
 * offers, the operator on the others. An approved app reaches the class at once. Every request is kept.
 */
@Service
public class AppRequests {

	private static final int MAX_TEXT = 1000;
	private static final String SELECT = "select * from app_request ";

	private final JdbcClient jdbc;
	private final AppCatalog catalog;
	private final Availability availability;
	private final Classes classes;
	private final Clock clock;

	AppRequests(JdbcClient jdbc, AppCatalog catalog, Availability availability, Classes classes, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.availability = availability;
		this.classes = classes;
	}

	public AppRequest request(CloudroomUser user, ClassId classId, String appId, String reason) {
		var schoolClass = classes.requireTeacherOf(user, classId);
		catalog.find(appId).orElseThrow(Refused::notFound);
		if (reason.isBlank() || reason.length() > MAX_TEXT) {
			throw new Refused(Status.UNPROCESSABLE, "apps.reason-required", MAX_TEXT);
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into app_request (id, school_id, class_id, app_id, requested_by, reason, requested_at, state)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, schoolClass.schoolId().value(), classId.value(), appId, user.id().value(), reason.strip(),
					now(), AppRequest.State.PENDING.name())
			.update();
		return find(id);
	}

	/**
	 * Approves or refuses a pending request. The school admin decides on apps the school offers; only the operator
	 * on an app the school may not offer yet, which approving allows for the school. An app not installed is
	 * installed first.
	 */
	@Transactional
	public AppRequest decide(CloudroomUser user, UUID id, boolean approve, @Nullable String note) {
		var request = jdbc.sql(SELECT + "where id = ?").param(id).query(AppRequest.class).optional()
			.orElseThrow(Refused::notFound);
		var school = request.schoolId();
		user.requireAdminOf(school);
		if (!request.pending()) {
			throw new Refused(Status.CONFLICT, "apps.request-decided");
		}
		if (note != null && note.length() > MAX_TEXT) {
			throw new Refused(Status.UNPROCESSABLE, "apps.note-too-long", MAX_TEXT);
		}
		var offered = availability.isAllowed(school, request.appId());
		if (!offered && !user.isOperator()) {
			throw new Refused(Status.FORBIDDEN, "apps.operator-decides");
		}
		if (approve) {
			if (!offered) {
				availability.allow(user, school, request.appId(), true);
			}
			availability.assign(user, request.classId(), request.appId(), true);
		}
		var decided = approve ? AppRequest.State.APPROVED : AppRequest.State.REFUSED;
		jdbc.sql("""
				update app_request set state = ?, decided_by = ?, decided_at = ?, decision_note = ?, decision_seen = false
				where id = ?""").params(decided.name(), user.id().value(), now(), note == null ? null : note.strip(), id)
			.update();
		return find(id);
	}

	/** A school's requests, newest first: for its admin, and the operator. */
	public List<AppRequest> ofSchool(CloudroomUser user, SchoolId school) {
		user.requireAdminOf(school);
		return jdbc.sql(SELECT + "where school_id = ? order by requested_at desc").param(school.value())
			.query(AppRequest.class).list();
	}

	/** The requests only the operator can decide: pending, for apps their school may not offer yet. */
	public List<AppRequest> forOperator(CloudroomUser user) {
		user.requireOperator();
		return jdbc.sql(SELECT + """
				r where state = 'PENDING' and not exists
				(select 1 from school_app s where s.school_id = r.school_id and s.app_id = r.app_id)
				order by requested_at""").query(AppRequest.class).list();
	}

	/** A teacher's own requests, newest first, with their decisions: how a teacher learns of them. */
	public List<AppRequest> mine(CloudroomUser user) {
		return jdbc.sql(SELECT + "where requested_by = ? order by requested_at desc").param(user.id().value())
			.query(AppRequest.class).list();
	}

	/**
	 * The decisions on the teacher's requests they have not seen yet, oldest first; they count as seen once told,
	 * so each is told once.
	 */
	@Transactional
	public List<DecisionNotice> takeUnseenDecisions(CloudroomUser user, Locale locale) {
		var unseen = jdbc.sql(SELECT + "where requested_by = ? and state <> 'PENDING' and not decision_seen "
				+ "order by decided_at").param(user.id().value()).query(AppRequest.class).list();
		if (unseen.isEmpty()) {
			return List.of();
		}
		jdbc.sql("update app_request set decision_seen = true where requested_by = ? and state <> 'PENDING'")
			.param(user.id().value()).update();
		return unseen.stream().map(r -> new DecisionNotice(r.id(),
				catalog.find(r.appId()).map(app -> app.name(locale)).orElse(r.appId()),
				classes.find(r.schoolId(), r.classId()).map(c -> c.name()).orElse(""),
				r.state() == AppRequest.State.APPROVED, r.decisionNote())).toList();
	}

	private AppRequest find(UUID id) {
		return jdbc.sql(SELECT + "where id = ?").param(id).query(AppRequest.class).single();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
	}
}
