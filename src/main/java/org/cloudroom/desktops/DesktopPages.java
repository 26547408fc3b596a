package org.cloudroom.desktops;

import java.time.Duration;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My computer" in the browser, and the admin's list of a school's running desktops. */
@Controller
class DesktopPages {

	private final Desktops desktops;
	private final GracePeriods gracePeriods;
	private final DesktopLimits limits;
	private final People people;

	DesktopPages(Desktops desktops, GracePeriods gracePeriods, DesktopLimits limits, People people) {
		this.desktops = desktops;
		this.gracePeriods = gracePeriods;
		this.limits = limits;
		this.people = people;
	}

	@GetMapping("/desktop")
	String myComputer() {
		return "desktop";
	}

	@GetMapping("/schools/{schoolId}/desktops")
	String ofSchool(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId, Model model) {
		user.requireAdminOf(schoolId);
		model.addAttribute("schoolId", schoolId);
		model.addAttribute("running", desktops.ofSchool(schoolId));
		model.addAttribute("graceMinutes", gracePeriods.of(schoolId).toMinutes());
		var own = limits.of(schoolId);
		model.addAttribute("memoryMb", own.memoryBytes() / (1024 * 1024));
		model.addAttribute("processes", own.processes());
		model.addAttribute("people", people.ofSchool(schoolId).stream()
			.collect(java.util.stream.Collectors.toMap(p -> p.id(), p -> p)));
		return "desktops";
	}

	@PostMapping("/schools/{schoolId}/desktops/grace")
	String setGrace(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam(defaultValue = "0") int minutes, RedirectAttributes flash) {
		user.requireAdminOf(schoolId);
		try {
			gracePeriods.set(schoolId, Duration.ofMinutes(minutes));
			flash.addFlashAttribute("notice", "desktops.grace-saved");
		}
		catch (Refused refused) {
			flash.addFlashAttribute("refused", refused);
		}
		return "redirect:/schools/" + schoolId + "/desktops";
	}

	@PostMapping("/schools/{schoolId}/desktops/limits")
	String setLimits(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam(defaultValue = "0") long memoryMb, @RequestParam(defaultValue = "0") int processes,
			RedirectAttributes flash) {
		user.requireAdminOf(schoolId);
		try {
			limits.set(schoolId, memoryMb, processes);
			flash.addFlashAttribute("notice", "desktops.limits-saved");
		}
		catch (Refused refused) {
			flash.addFlashAttribute("refused", refused);
		}
		return "redirect:/schools/" + schoolId + "/desktops";
	}

	@PostMapping("/schools/{schoolId}/desktops/{desktopId}/stop")
	String stop(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable UUID desktopId, RedirectAttributes flash) {
		user.requireAdminOf(schoolId);
		var desktop = desktops.find(desktopId).filter(d -> d.school().equals(schoolId))
			.orElseThrow(Refused::notFound);
		desktops.stop(desktop.owner(), DesktopStopped.Reason.ADMIN);
		flash.addFlashAttribute("notice", "desktops.ended");
		return "redirect:/schools/" + schoolId + "/desktops";
	}
}
