package org.cloudroom.drive;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.stream.Collectors;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The teacher's side of a class's folders: its assignments, who handed in what, comments; and its materials. */
@Controller
class HandInPages {

	private final HandIns handIns;
	private final Classes classes;
	private final ClassFolders folders;
	private final Clock clock;

	HandInPages(HandIns handIns, Classes classes, ClassFolders folders, Clock clock) {
		this.clock = clock;
		this.handIns = handIns;
		this.classes = classes;
		this.folders = folders;
	}

	@GetMapping("/classes/{classId}/materials")
	String materials(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId) {
		return "redirect:/drive?path=" + java.net.URLEncoder.encode(folders.materialsPath(user, classId),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	@GetMapping("/classes/{classId}/assignments")
	String assignments(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId, Model model) {
		model.addAttribute("schoolClass", classes.requireTeacherOf(user, classId));
		model.addAttribute("assignments", handIns.ofClass(user, classId));
		return "hand-in";
	}

	@PostMapping("/classes/{classId}/assignments")
	String open(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime due,
			Model model) throws IOException {
		try {
			var opened = handIns.open(user, classId, title,
					due == null ? null : due.atZone(clock.getZone()).toOffsetDateTime());
			return "redirect:/assignments/" + opened.id();
		}
		catch (Refused refused) {
			model.addAttribute("refused", refused);
			model.addAttribute("title", title);
			model.addAttribute("due", due);
			model.addAttribute("fieldProblems", refused.problems().stream()
				.collect(Collectors.toMap(FieldProblem::column, p -> p, (first, second) -> first)));
			return assignments(user, classId, model);
		}
	}

	@GetMapping("/assignments/{id}")
	String assignment(@AuthenticationPrincipal CloudroomUser user, @PathVariable AssignmentId id, Model model)
			throws IOException {
		var assignment = handIns.assignment(user, id);
		var handedIn = handIns.overview(user, id);
		model.addAttribute("assignment", assignment);
		model.addAttribute("schoolClass", handIns.classOf(user, assignment));
		model.addAttribute("handIns", handedIn);
		model.addAttribute("handedIn", handedIn.stream().filter(HandIns.HandIn::handedIn).count());
		return "hand-in-assignment";
	}

	@PostMapping("/assignments/{id}/comments/{personId}")
	String comment(@AuthenticationPrincipal CloudroomUser user, @PathVariable AssignmentId id, @PathVariable PersonId personId,
			@RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
		handIns.comment(user, id, personId, comment);
		redirect.addFlashAttribute("notice", "hand-in.comment-saved");
		return "redirect:/assignments/" + id;
	}
}
