package org.cloudroom.reporting;

import java.time.LocalDate;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Study time as JSON and CSV. Each takes a period: {@code days=7|30|365} (30 when none), or {@code from} and
 * {@code to} (ISO dates, both included).
 */
@RestController
class ReportsApi {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final StudyReports reports;

	ReportsApi(StudyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/reports/program")
	Reports.Program program(@AuthenticationPrincipal CloudroomUser user, @RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return reports.program(user, period(days, from, to));
	}

	@GetMapping("/api/v1/reports/program/study-time.csv")
	ResponseEntity<byte[]> programCsv(@AuthenticationPrincipal CloudroomUser user,
			@RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		var period = period(days, from, to);
		return csv("program", period, StudyCsv.schools(reports.program(user, period).perSchool()));
	}

	@GetMapping("/api/v1/schools/{schoolId}/reports")
	Reports.School school(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return reports.school(user, schoolId, period(days, from, to));
	}

	@GetMapping("/api/v1/schools/{schoolId}/reports/study-time.csv")
	ResponseEntity<byte[]> schoolCsv(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		var period = period(days, from, to);
		return csv("school", period, StudyCsv.students(reports.schoolStudents(user, schoolId, period)));
	}

	@GetMapping("/api/v1/classes/{classId}/reports")
	Reports.Class schoolClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return reports.schoolClass(user, classId, period(days, from, to));
	}

	@GetMapping("/api/v1/classes/{classId}/reports/study-time.csv")
	ResponseEntity<byte[]> classCsv(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		var period = period(days, from, to);
		return csv("class", period, StudyCsv.students(reports.schoolClass(user, classId, period).students()));
	}

	@GetMapping("/api/v1/classes/{classId}/reports/students/{personId}")
	Reports.Student student(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@PathVariable PersonId personId, @RequestParam @Nullable Integer days,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return reports.student(user, classId, personId, period(days, from, to));
	}

	private Period period(@Nullable Integer days, @Nullable LocalDate from, @Nullable LocalDate to) {
		return Period.of(days, from, to, reports.today());
	}

	static ResponseEntity<byte[]> csv(String what, Period period, byte[] body) {
		var name = "study-time-%s-%s-%s.csv".formatted(what, period.from(), period.to());
		return ResponseEntity.ok().contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}
}
