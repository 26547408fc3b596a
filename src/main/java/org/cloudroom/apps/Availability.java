package org.cloudroom.apps;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolClass;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may run which app: the operator allows apps per school, the school admin gives some of them to every
 * class, and a class's teacher adds or removes allowed apps for their class. An app nobody allowed reaches no one.
 */
@Service
public class Availability {

	private final JdbcClient jdbc;
	private final AppCatalog catalog;
	private final Classes classes;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Availability(JdbcClient jdbc, AppCatalog catalog, Classes classes, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.classes = classes;
		this.events = events;
		this.clock = clock;
	}

	/** The apps the school may offer; its people see them, to give or to request. */
	public List<Offer> ofSchool(CloudroomUser user, SchoolId school) {
		user.requireMemberOf(school);
		return offers(school);
	}

	/** The operator allows an installed app for a school, or withdraws it from the school and all its classes. */
	@Transactional
	public void allow(CloudroomUser user, SchoolId school, String appId, boolean allowed) {
		user.requireOperator();
		var app = catalog.find(appId).orElseThrow(Refused::notFound);
		if (!allowed) {
			jdbc.sql("delete from class_app where school_id = ? and app_id = ?").params(school.value(), appId).update();
			jdbc.sql("delete from school_app where school_id = ? and app_id = ?").params(school.value(), appId)
				.update();
		}
		else if (!isAllowed(school, appId)) {
			if (!app.installed()) {
				throw new Refused(Status.CONFLICT, "apps.not-installed", app.name());
			}
			jdbc.sql("""
					insert into school_app (school_id, app_id, every_class, allowed_by, allowed_at)
					values (?, ?, false, ?, ?)""").params(school.value(), appId, user.id().value(), now()).update();
		}
		events.publishEvent(new AppsChanged(school));
	}

	/** The school admin gives an allowed app to every class of the school, or takes that back. */
	@Transactional
	public void giveToEveryClass(CloudroomUser user, SchoolId school, String appId, boolean everyClass) {
		user.requireAdminOf(school);
		requireAllowed(school, appId);
		jdbc.sql("update school_app set every_class = ? where school_id = ? and app_id = ?")
			.params(everyClass, school.value(), appId).update();
		events.publishEvent(new AppsChanged(school));
	}

	/** The apps a class gets: its own and those its school gives every class. */
	public List<App> ofClass(CloudroomUser user, ClassId classId) {
		var schoolClass = classes.requireTeacherOf(user, classId);
		return allowedApps(schoolClass.schoolId(), List.of(classId));
	}

	/** A teacher of the class (or the school's admin) adds an app the school offers to the class, or removes it. */
	@Transactional
	public void assign(CloudroomUser user, ClassId classId, String appId, boolean assigned) {
		var schoolClass = classes.requireTeacherOf(user, classId);
		var school = schoolClass.schoolId();
		jdbc.sql("delete from class_app where class_id = ? and app_id = ?").params(classId.value(), appId).update();
		if (assigned) {
			requireAllowed(school, appId);
			jdbc.sql("""
					insert into class_app (class_id, school_id, app_id, added_by, added_at)
					values (?, ?, ?, ?, ?)""").params(classId.value(), school.value(), appId, user.id().value(), now())
				.update();
		}
		events.publishEvent(new AppsChanged(school));
	}

	/** The apps a person may run: those of every class of their school and of each of their own classes. */
	public List<App> forPerson(PersonId person, SchoolId school) {
		return allowedApps(school, classes.ofPerson(person).stream().map(SchoolClass::id).toList());
	}

	boolean isAllowed(SchoolId school, String appId) {
		return jdbc.sql("select count(*) from school_app where school_id = ? and app_id = ?")
			.params(school.value(), appId).query(Integer.class).single() > 0;
	}

	void requireAllowed(SchoolId school, String appId) {
		if (!isAllowed(school, appId)) {
			var name = catalog.find(appId).map(App::name).orElseThrow(Refused::notFound);
			throw new Refused(Status.FORBIDDEN, "apps.not-allowed", name);
		}
	}

	private record Allowed(String appId, boolean everyClass) {
	}

	private List<Offer> offers(SchoolId school) {
		var allowed = jdbc.sql("select app_id, every_class from school_app where school_id = ?").param(school.value())
			.query(Allowed.class).list().stream().collect(Collectors.toMap(Allowed::appId, Allowed::everyClass));
		return catalog.all().stream().filter(app -> allowed.containsKey(app.id()))
			.map(app -> new Offer(app, allowed.get(app.id()))).toList();
	}

	/**
	 * The catalog's installed apps the school allows and gives either every class or one of {@code given}: the
	 * classes of a person, or one class.
	 */
	private List<App> allowedApps(SchoolId school, List<ClassId> given) {
		Set<String> ids = new HashSet<>(jdbc.sql("select app_id from school_app where school_id = ? and every_class")
			.param(school.value()).query(String.class).list());
		if (!given.isEmpty()) {
			ids.addAll(jdbc.sql("""
					select app_id from class_app where class_id in (:classes)
					and app_id in (select app_id from school_app where school_id = :school)""")
				.param("classes", given.stream().map(ClassId::value).toList()).param("school", school.value())
				.query(String.class).list());
		}
		return catalog.all().stream().filter(app -> ids.contains(app.id()) && app.installed()).toList();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
	}
}
