package org.cloudroom.desktops;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.jspecify.annotations.Nullable;
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
			return new DesktopView(d.id().toString(), d.state().value(), d.connectPath(), d.startedAt());
		}
	}

	record Owner(String id, String username, String displayName) {
	}

	record SchoolDesktopView(String id, Owner owner, String state, OffsetDateTime startedAt, long memoryBytes) {
	}

	/** A school's settings: how long an unused desktop runs, and what each may take; omitted: unchanged. */
	record Settings(@Nullable Long graceMinutes, @Nullable Long memoryMb, @Nullable Integer processes) {
	}

	private final Desktops desktops;
	private final GracePeriods gracePeriods;
	private final DesktopLimits limits;
	private final People people;

	DesktopsApi(Desktops desktops, GracePeriods gracePeriods, DesktopLimits limits, People people) {
		this.desktops = desktops;
		this.gracePeriods = gracePeriods;
		this.limits = limits;
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
		desktops.stop(user.id(), DesktopStopped.Reason.OWNER);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/schools/{schoolId}/desktops")
	List<SchoolDesktopView> ofSchool(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		user.requireAdminOf(schoolId);
		return desktops.ofSchool(schoolId).stream().map(running -> {
			var d = running.desktop();
			var owner = people.find(d.owner()).map(p -> new Owner(p.id().toString(), p.username(), p.displayName()))
				.orElse(new Owner(d.owner().toString(), "", ""));
			return new SchoolDesktopView(d.id().toString(), owner, d.state().value(), d.startedAt(), running.memoryBytes());
		}).toList();
	}

	@GetMapping("/schools/{schoolId}/desktop-settings")
	Settings settings(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		user.requireAdminOf(schoolId);
		return settingsOf(schoolId);
	}

	@PutMapping("/schools/{schoolId}/desktop-settings")
	Settings setSettings(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestBody Settings settings) {
		user.requireAdminOf(schoolId);
		var current = settingsOf(schoolId);
		if (settings.memoryMb() != null || settings.processes() != null) {
			limits.set(schoolId, settings.memoryMb() != null ? settings.memoryMb() : current.memoryMb(),
					settings.processes() != null ? settings.processes() : current.processes());
		}
		if (settings.graceMinutes() != null) {
			gracePeriods.set(schoolId, Duration.ofMinutes(settings.graceMinutes()));
		}
		return settingsOf(schoolId);
	}

	private Settings settingsOf(SchoolId school) {
		var own = limits.of(school);
		return new Settings(gracePeriods.of(school).toMinutes(), own.memoryBytes() / (1024 * 1024), own.processes());
	}

	@DeleteMapping("/schools/{schoolId}/desktops/{desktopId}")
	ResponseEntity<Void> endInSchool(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable UUID desktopId) {
		user.requireAdminOf(schoolId);
		var desktop = desktops.find(desktopId).filter(d -> d.school().equals(schoolId))
			.orElseThrow(Refused::notFound);
		desktops.stop(desktop.owner(), DesktopStopped.Reason.ADMIN);
		return ResponseEntity.noContent().build();
	}
}
