package org.cloudroom.desktops;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Desktops in the JSON API: one's own (start or resume, look, end) and, for admins, their school's. */
@RestController
@RequestMapping("/api/v1")
class DesktopsApi {

	record DesktopView(String id, String state, String connectPath, OffsetDateTime startedAt) {
		static DesktopView of(Desktop d) {
			return new DesktopView(d.id().toString(), d.state(), d.connectPath(), d.startedAt());
		}
	}

	record Owner(String id, String username, String displayName) {
	}

	record SchoolDesktopView(String id, Owner owner, String state, OffsetDateTime startedAt, long memoryBytes) {
	}

	record Settings(long graceMinutes) {
	}

	private final Desktops desktops;
	private final People people;

	DesktopsApi(Desktops desktops, People people) {
		this.desktops = desktops;
		this.people = people;
	}

	@PostMapping("/desktops/mine")
	DesktopView startOrResume(@AuthenticationPrincipal CloudroomUser user, Locale locale) {
		return DesktopView.of(desktops.startOrResume(user, locale));
	}

	@GetMapping("/desktops/mine")
	DesktopView mine(@AuthenticationPrincipal CloudroomUser user) {
		return desktops.mine(user.id()).map(DesktopView::of).orElseThrow(Refused::notFound);
	}

	@DeleteMapping("/desktops/mine")
	ResponseEntity<Void> end(@AuthenticationPrincipal CloudroomUser user) {
		desktops.stop(user.id(), "owner");
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/schools/{schoolId}/desktops")
	List<SchoolDesktopView> ofSchool(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		user.requireAdminOf(schoolId);
		return desktops.ofSchool(schoolId).stream().map(running -> {
			var d = running.desktop();
			var owner = people.find(d.owner()).map(p -> new Owner(p.id().toString(), p.username(), p.displayName()))
				.orElse(new Owner(d.owner().toString(), "", ""));
			return new SchoolDesktopView(d.id().toString(), owner, d.state(), d.startedAt(), running.memoryBytes());
		}).toList();
	}

	@GetMapping("/schools/{schoolId}/desktop-settings")
	Settings settings(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		user.requireAdminOf(schoolId);
		return new Settings(desktops.grace(schoolId).toMinutes());
	}

	@PutMapping("/schools/{schoolId}/desktop-settings")
	Settings setSettings(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestBody Settings settings) {
		user.requireAdminOf(schoolId);
		desktops.setGrace(schoolId, java.time.Duration.ofMinutes(settings.graceMinutes()));
		return new Settings(desktops.grace(schoolId).toMinutes());
	}

	@DeleteMapping("/schools/{schoolId}/desktops/{desktopId}")
	ResponseEntity<Void> endInSchool(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable UUID desktopId) {
		user.requireAdminOf(schoolId);
		var desktop = desktops.find(desktopId).filter(d -> d.school().equals(schoolId))
			.orElseThrow(Refused::notFound);
		desktops.stop(desktop.owner(), "admin");
		return ResponseEntity.noContent().build();
	}
}
