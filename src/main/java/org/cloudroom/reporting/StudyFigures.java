package org.cloudroom.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the aggregates: every query names a school or a person, except the operator's program-wide ones. */
@Repository
class StudyFigures {

	/** A school's students all time: reached (any active minute), their minutes, and active since a day. */
	record Reach(long students, long minutes, long activeSince) {
	}

	/** A student's sums over a period. */
	record PersonSums(long minutes, long activeDays, long desktopStarts) {
	}

	private final JdbcClient jdbc;

	StudyFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<SchoolId, Reach> reachPerSchool(LocalDate activeSince) {
		var reach = new HashMap<SchoolId, Reach>();
		jdbc.sql("""
				select school_id, count(*) as students, sum(active_minutes) as minutes,
				       sum(case when last_day >= ? then 1 else 0 end) as active_since
				from study_person where student = true and active_minutes > 0 group by school_id""")
			.param(activeSince)
			.query((ResultSet rs) -> {
				reach.put(school(rs), new Reach(rs.getLong("students"), rs.getLong("minutes"),
						rs.getLong("active_since")));
			});
		return reach;
	}

	Map<SchoolId, Long> minutesPerSchool(Period period) {
		var minutes = new HashMap<SchoolId, Long>();
		jdbc.sql("""
				select school_id, sum(active_minutes) as minutes from study_school_day
				where on_day between ? and ? group by school_id""")
			.params(period.from(), period.to())
			.query((ResultSet rs) -> {
				minutes.put(school(rs), rs.getLong("minutes"));
			});
		return minutes;
	}

	List<DayFigure> programDays(Period period) {
		return jdbc.sql("""
				select on_day, sum(active_minutes) as minutes, sum(active_students) as students
				from study_school_day where on_day between ? and ? group by on_day order by on_day""")
			.params(period.from(), period.to()).query(StudyFigures::day).list();
	}

	List<DayFigure> schoolDays(SchoolId school, Period period) {
		return jdbc.sql("""
				select on_day, active_minutes as minutes, active_students as students
				from study_school_day where school_id = ? and on_day between ? and ? order by on_day""")
			.params(school.value(), period.from(), period.to()).query(StudyFigures::day).list();
	}

	List<DayFigure> peopleDays(SchoolId school, Collection<PersonId> people, Period period) {
		var days = new TreeMap<LocalDate, DayFigure>();
		for (var slice : slices(people)) {
			jdbc.sql("""
					select on_day, sum(active_minutes) as minutes,
					       sum(case when active_minutes > 0 then 1 else 0 end) as students
					from study_day where school_id = :school and person_id in (:people)
					  and on_day between :from and :to group by on_day order by on_day""")
				.param("school", school.value()).param("people", slice).param("from", period.from())
				.param("to", period.to()).query(StudyFigures::day).list()
				.forEach(d -> days.merge(d.day(), d, (a, b) -> new DayFigure(a.day(), a.minutes() + b.minutes(),
						a.students() + b.students())));
		}
		return List.copyOf(days.values());
	}

	/** Each of the school's students with any day in the period. */
	Map<PersonId, PersonSums> perPerson(SchoolId school, Period period) {
		var sums = new HashMap<PersonId, PersonSums>();
		jdbc.sql("""
				select person_id, sum(active_minutes) as minutes,
				       sum(case when active_minutes > 0 then 1 else 0 end) as active_days,
				       sum(desktop_starts) as desktop_starts
				from study_day where school_id = ? and on_day between ? and ? group by person_id""")
			.params(school.value(), period.from(), period.to())
			.query((ResultSet rs) -> {
				sums.put(new PersonId(rs.getObject("person_id", UUID.class)), new PersonSums(rs.getLong("minutes"),
						rs.getLong("active_days"), rs.getLong("desktop_starts")));
			});
		return sums;
	}

	/** Each of these students with any day in the period. */
	Map<PersonId, PersonSums> perPerson(SchoolId school, Collection<PersonId> people, Period period) {
		var sums = new HashMap<PersonId, PersonSums>();
		for (var slice : slices(people)) {
			jdbc.sql("""
					select person_id, sum(active_minutes) as minutes,
					       sum(case when active_minutes > 0 then 1 else 0 end) as active_days,
					       sum(desktop_starts) as desktop_starts
					from study_day where school_id = :school and person_id in (:people)
					  and on_day between :from and :to group by person_id""")
				.param("school", school.value()).param("people", slice).param("from", period.from())
				.param("to", period.to())
				.query((ResultSet rs) -> {
					sums.put(new PersonId(rs.getObject("person_id", UUID.class)),
							new PersonSums(rs.getLong("minutes"), rs.getLong("active_days"),
									rs.getLong("desktop_starts")));
				});
		}
		return sums;
	}

	long minutesEver(PersonId person) {
		return jdbc.sql("select active_minutes from study_person where person_id = ? and student = true")
			.param(person.value()).query(Long.class).optional().orElse(0L);
	}

	private static List<List<UUID>> slices(Collection<PersonId> people) {
		var ids = people.stream().map(PersonId::value).toList();
		var slices = new ArrayList<List<UUID>>();
		for (int from = 0; from < ids.size(); from += 1000) {
			slices.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
		}
		return slices;
	}

	private static SchoolId school(ResultSet rs) throws SQLException {
		return new SchoolId(rs.getObject("school_id", UUID.class));
	}

	private static DayFigure day(ResultSet rs, int row) throws SQLException {
		return new DayFigure(rs.getObject("on_day", LocalDate.class), rs.getLong("minutes"), rs.getLong("students"));
	}
}
