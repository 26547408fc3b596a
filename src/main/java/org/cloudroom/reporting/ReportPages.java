package org.cloudroom.reporting;

import java.time.LocalDate;
import java.util.List;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The study time pages: the operator's program, a school admin's school, a teacher's classes, one class. */
@Controller
class ReportPages {

	/** A figure at the top of a page: a message key for what it counts, and the number. */
	record Figure(String key, String value) {
	}

	private final StudyReports reports;

	ReportPages(StudyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/reports")
	String mine(@AuthenticationPrincipal CloudroomUser user) {
		return switch (user.role()) {
			case OPERATOR -> "redirect:/reports/program";
			case ADMIN -> "redirect:/schools/" + user.school() + "/reports";
			case TEACHER, STUDENT -> "redirect:/reports/classes";
		};
	}

	@GetMapping("/reports/program")
	String program(@AuthenticationPrincipal CloudroomUser user, @RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model) {
		var period = period(days, from, to);
		var program = reports.program(user, period);
		model.addAttribute("figures", List.of(new Figure("reports.schools", Integer.toString(program.schools())),
				new Figure("reports.accounts", Integer.toString(program.accounts())),
				new Figure("reports.reached", Long.toString(program.studentsReached())),
				new Figure("reports.hours-ever", hours(program.studyMinutes())),
				new Figure("reports.active-week", Long.toString(program.activeThisWeek())),
				new Figure("reports.hours-period", hours(program.periodMinutes()))));
		model.addAttribute("schools", program.perSchool());
		return page(model, "reports.program", period, program.days(), "/api/v1/reports/program/study-time.csv");
	}

	@GetMapping("/schools/{schoolId}/reports")
	String school(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model) {
		var period = period(days, from, to);
		var school = reports.school(user, schoolId, period);
		model.addAttribute("heading", school.name());
		model.addAttribute("back", "/schools/" + schoolId);
		model.addAttribute("figures", List.of(new Figure("reports.students", Integer.toString(school.students())),
				new Figure("reports.active-period", Long.toString(school.studentsActive())),
				new Figure("reports.hours-period", hours(school.minutes())),
				new Figure("reports.average", average(school.minutes(), school.students()))));
		model.addAttribute("classes", school.classes());
		return page(model, "reports.school", period, school.days(),
				"/api/v1/schools/" + schoolId + "/reports/study-time.csv");
	}

	@GetMapping("/reports/classes")
	String myClasses(@AuthenticationPrincipal CloudroomUser user, @RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model) {
		var period = period(days, from, to);
		var classes = reports.teacherClasses(user, period);
		model.addAttribute("figures", List.of());
		model.addAttribute("classes", classes);
		model.addAttribute("period", period);
		model.addAttribute("lastDays", lastDays(period));
		model.addAttribute("titleKey", "reports.my-classes");
		return "reports";
	}

	@GetMapping("/schools/{schoolId}/classes/{classId}/reports")
	String schoolClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable ClassId classId, @RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model) {
		var period = period(days, from, to);
		var report = reports.schoolClass(user, classId, period);
		var figures = report.figures();
		if (!figures.schoolId().equals(schoolId.toString())) {
			throw Refused.notFound();
		}
		model.addAttribute("heading", figures.name());
		model.addAttribute("back", "/schools/" + schoolId + "/classes/" + classId);
		model.addAttribute("figures", List.of(new Figure("reports.students", Integer.toString(figures.students())),
				new Figure("reports.active-period", Long.toString(figures.studentsActive())),
				new Figure("reports.hours-period", hours(figures.minutes())),
				new Figure("reports.average", average(figures.minutes(), figures.students()))));
		model.addAttribute("students", report.students());
		model.addAttribute("classPath", "/schools/" + schoolId + "/classes/" + classId + "/reports");
		return page(model, "reports.class", period, report.days(),
				"/api/v1/classes/" + classId + "/reports/study-time.csv");
	}

	@GetMapping("/schools/{schoolId}/classes/{classId}/reports/students/{personId}")
	String student(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable ClassId classId, @PathVariable PersonId personId, @RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model) {
		var period = period(days, from, to);
		var report = reports.student(user, classId, personId, period);
		var figures = report.figures();
		model.addAttribute("heading", figures.displayName());
		model.addAttribute("back", "/schools/" + schoolId + "/classes/" + classId + "/reports");
		model.addAttribute("figures", List.of(new Figure("reports.hours-period", hours(figures.minutes())),
				new Figure("reports.days-active", Long.toString(figures.activeDays())),
				new Figure("reports.computer-starts", Long.toString(figures.desktopStarts())),
				new Figure("reports.hours-ever", hours(report.minutesEver()))));
		model.addAttribute("weeks", report.weeks());
		return page(model, "reports.student-title", period, report.days(), null);
	}

	private String page(Model model, String titleKey, Period period, List<DayFigure> days, @Nullable String csv) {
		model.addAttribute("titleKey", titleKey);
		model.addAttribute("period", period);
		model.addAttribute("lastDays", lastDays(period));
		model.addAttribute("chart", StudyChart.of(days));
		if (csv != null) {
			model.addAttribute("csv", csv + "?from=" + period.from() + "&to=" + period.to());
		}
		return "reports";
	}

	/** 7, 30 or 365 when the period is that many days up to today, else 0 (a period of one's own). */
	private int lastDays(Period period) {
		return period.to().equals(reports.today()) && List.of(7, 30, 365).contains(period.days()) ? period.days() : 0;
	}

	private Period period(@Nullable Integer days, @Nullable LocalDate from, @Nullable LocalDate to) {
		return Period.of(days, from, to, reports.today());
	}

	private static String hours(long minutes) {
		return String.format(java.util.Locale.ROOT, "%.1f", Hours.of(minutes));
	}

	private static String average(long minutes, int students) {
		return students == 0 ? "0.0" : String.format(java.util.Locale.ROOT, "%.1f", Hours.of(minutes) / students);
	}
}
