package org.cloudroom.drive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.cloudroom.accounts.CloudroomUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "My files": one folder of one's drive, or what a search found, and the trash. Changes go through the API. */
@Controller
class DrivePages {

	record Crumb(String name, String path) {
	}

	private final Drive drive;
	private final DriveSettings settings;
	private final HandIns handIns;
	private final ClassFolders classFolders;

	private final DriveSpace space;

	DrivePages(Drive drive, DriveSettings settings, HandIns handIns, ClassFolders classFolders, DriveSpace space) {
		this.classFolders = classFolders;
		this.space = space;
		this.drive = drive;
		this.settings = settings;
		this.handIns = handIns;
	}

	@GetMapping("/drive")
	String folder(@AuthenticationPrincipal CloudroomUser user, @RequestParam(defaultValue = "") String path,
			@RequestParam(defaultValue = "") String q, Model model) throws IOException {
		var folder = DrivePath.of(path);
		var named = classFolders.inLanguage(user, folder);
		if (!named.equals(folder) && q.isBlank()) {
			return "redirect:/drive?path=" + java.net.URLEncoder.encode(named.toString(), StandardCharsets.UTF_8);
		}
		model.addAttribute("path", folder.toString());
		model.addAttribute("crumbs", crumbs(folder));
		model.addAttribute("q", q);
		model.addAttribute("entries", q.isBlank() ? drive.list(user, path) : drive.search(user, q));
		model.addAttribute("space", space.current(user.id(), user.role()));
		model.addAttribute("readOnly", q.isBlank() ? drive.readOnly(user, path) : null);
		model.addAttribute("materials", classFolders.inMaterials(folder));
		var assignment = handIns.mine(user).stream().filter(mine -> folder.isWithin(DrivePath.of(mine.path())))
			.findFirst();
		model.addAttribute("assignment", assignment.orElse(null));
		assignment.ifPresent(shown -> handIns.commentShown(user, shown));
		return "drive";
	}

	@GetMapping("/drive/trash")
	String trash(@AuthenticationPrincipal CloudroomUser user, Model model) throws IOException {
		model.addAttribute("entries", drive.trash(user));
		model.addAttribute("days", settings.trashDays());
		model.addAttribute("space", space.current(user.id(), user.role()));
		return "drive-trash";
	}

	private static List<Crumb> crumbs(DrivePath folder) {
		var crumbs = new ArrayList<Crumb>();
		for (int i = 1; i <= folder.names().size(); i++) {
			crumbs.add(new Crumb(DrivePath.shown(folder.names().get(i - 1)),
					new DrivePath(folder.names().subList(0, i)).toString()));
		}
		return crumbs;
	}
}
