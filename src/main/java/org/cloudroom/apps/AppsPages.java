package org.cloudroom.apps;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.accounts.Schools;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The apps pages: the operator's catalog with one-click installs, a school's apps, requests and desktop profile,
 * and a class's apps where its teacher adds, removes and requests them.
 */
@Controller
class AppsPages {

	/** A request with the names a page shows: the app's, the teacher's and the class's. */
	record Named(AppRequest request, String app, String by, String className) {
	}

	private final AppCatalog catalog;
	private final Availability availability;
	private final AppRequests requests;
	private final Profiles profiles;
	private final Installs installs;
	private final Schools schools;
	private final Classes classes;
	private final People people;

	AppsPages(AppCatalog catalog, Availability availability, AppRequests requests, Profiles profiles,
			Installs installs, Schools schools, Classes classes, People people) {
		this.catalog = catalog;
		this.availability = availability;
		this.requests = requests;
		this.profiles = profiles;
		this.installs = installs;
		this.schools = schools;
		this.classes = classes;
		this.people = people;
	}

	@GetMapping("/apps")
	String catalog(@AuthenticationPrincipal CloudroomUser user, Model model, Locale locale) {
		user.requireOperator();
		model.addAttribute("apps", catalog.all());
		model.addAttribute("schools", schools.all());
		model.addAttribute("installs", installs.all(user));
		model.addAttribute("requests", named(requests.forOperator(user), locale));
		return "apps/catalog";
	}

	@PostMapping("/apps/{appId}/install")
	String install(@AuthenticationPrincipal CloudroomUser user, @PathVariable String appId, Model model) {
		model.addAttribute("install", installs.start(user, appId));
		return "apps/install :: install";
	}

	@GetMapping("/apps/installs/{id}")
	String installProgress(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("install", installs.find(user, id));
		return "apps/install :: install";
	}

	@GetMapping("/schools/{schoolId}/apps")
	String school(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId, Model model,
			Locale locale) {
		user.requireAdminOf(schoolId);
		var offers = availability.ofSchool(user, schoolId).stream()
			.collect(Collectors.toMap(offer -> offer.app().id(), Offer::everyClass));
		model.addAttribute("school", schools.find(schoolId).orElseThrow(Refused::notFound));
		model.addAttribute("operator", user.isOperator());
		model.addAttribute("apps", catalog.all().stream().filter(App::installed).toList());
		model.addAttribute("offers", offers);
		model.addAttribute("requests", named(requests.ofSchool(user, schoolId), locale));
		model.addAttribute("profile", profiles.current(schoolId));
		model.addAttribute("versions", profiles.versions(user, schoolId));
		model.addAttribute("browsers", DefaultApps.candidates(catalog, DefaultApps.Kind.WEB_BROWSER));
		model.addAttribute("editors", DefaultApps.candidates(catalog, DefaultApps.Kind.TEXT_EDITOR));
		model.addAttribute("fileManagers", DefaultApps.candidates(catalog, DefaultApps.Kind.FILE_MANAGER));
		return "apps/school";
	}

	@PostMapping("/schools/{schoolId}/apps/{appId}")
	String setForSchool(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable String appId, @RequestParam(required = false) Boolean allowed,
			@RequestParam(required = false) Boolean everyClass, RedirectAttributes flash) {
		return attempt(flash, "redirect:/schools/" + schoolId + "/apps", () -> {
			if (allowed != null) {
				availability.allow(user, schoolId, appId, allowed);
			}
			if (everyClass != null) {
				availability.giveToEveryClass(user, schoolId, appId, everyClass);
			}
			flash.addFlashAttribute("notice", "apps.saved");
		});
	}

	@PostMapping("/schools/{schoolId}/profile")
	String changeProfile(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam String wallpaper, @RequestParam(defaultValue = "") String homePage,
			@RequestParam(defaultValue = "") String locale, RedirectAttributes flash) {
		return attempt(flash, "redirect:/schools/" + schoolId + "/apps", () -> {
			profiles.change(user, schoolId, wallpaper, homePage.strip(), locale);
			flash.addFlashAttribute("notice", "apps.profile.saved");
		});
	}

	@PostMapping("/schools/{schoolId}/profile/wallpaper-image")
	String changeWallpaperImage(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam(required = false) @Nullable MultipartFile image, @RequestParam(defaultValue = "false")
			boolean remove, RedirectAttributes flash) {
		return attempt(flash, "redirect:/schools/" + schoolId + "/apps", () -> {
			if (remove) {
				profiles.removeWallpaperImage(user, schoolId);
			}
			else {
				profiles.changeWallpaperImage(user, schoolId, bytes(image));
			}
			flash.addFlashAttribute("notice", "apps.profile.saved");
		});
	}

	@PostMapping("/schools/{schoolId}/profile/default-apps")
	String changeDefaultApps(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam(defaultValue = "") String browser, @RequestParam(defaultValue = "") String editor,
			@RequestParam(defaultValue = "") String fileManager, RedirectAttributes flash) {
		return attempt(flash, "redirect:/schools/" + schoolId + "/apps", () -> {
			profiles.changeDefaultApps(user, schoolId, browser, editor, fileManager);
			flash.addFlashAttribute("notice", "apps.profile.saved");
		});
	}

	@GetMapping("/schools/{schoolId}/profile/wallpaper-image/{version}")
	ResponseEntity<Resource> wallpaperImage(@AuthenticationPrincipal CloudroomUser user,
			@PathVariable SchoolId schoolId, @PathVariable int version) {
		var profile = profiles.versions(user, schoolId).stream().filter(v -> v.version() == version).findFirst()
			.orElseThrow(Refused::notFound);
		var file = profiles.wallpaperImage(profile).orElseThrow(Refused::notFound);
		return ResponseEntity.ok()
			.contentType(file.toString().endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
			.body(new FileSystemResource(file));
	}

	@PostMapping("/schools/{schoolId}/profile/rollback")
	String rollBack(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			RedirectAttributes flash) {
		return attempt(flash, "redirect:/schools/" + schoolId + "/apps", () -> {
			profiles.rollBack(user, schoolId);
			flash.addFlashAttribute("notice", "apps.profile.rolled-back");
		});
	}

	@PostMapping("/app-requests/{id}/decision")
	String decide(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID id, @RequestParam boolean approve,
			@RequestParam(defaultValue = "") String note, @RequestParam String back, RedirectAttributes flash) {
		var target = back.startsWith("/") && !back.startsWith("//") ? back : "/";
		return attempt(flash, "redirect:" + target, () -> {
			requests.decide(user, id, approve, note.isBlank() ? null : note);
			flash.addFlashAttribute("notice", approve ? "apps.request.approved" : "apps.request.refused");
		});
	}

	@GetMapping("/classes/{classId}/apps")
	String ofClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId, Model model,
			Locale locale) {
		var schoolClass = classes.requireTeacherOf(user, classId);
		var inClass = availability.ofClass(user, classId);
		var given = new HashSet<String>();
		inClass.forEach(app -> given.add(app.id()));
		var offered = availability.ofSchool(user, schoolClass.schoolId());
		var offeredIds = offered.stream().map(offer -> offer.app().id()).collect(Collectors.toSet());
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("inClass", inClass);
		model.addAttribute("everyClass", offered.stream().filter(Offer::everyClass).map(o -> o.app().id()).toList());
		model.addAttribute("offered", offered.stream().map(Offer::app).filter(app -> !given.contains(app.id()))
			.toList());
		model.addAttribute("requestable", catalog.all().stream().filter(app -> !offeredIds.contains(app.id()))
			.toList());
		model.addAttribute("requests", named(requests.mine(user).stream()
			.filter(r -> r.classId().equals(classId)).toList(), locale));
		return "apps/class";
	}

	@PostMapping("/classes/{classId}/apps/{appId}")
	String setForClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@PathVariable String appId, @RequestParam boolean assigned, RedirectAttributes flash) {
		return attempt(flash, "redirect:/classes/" + classId + "/apps", () -> {
			availability.assign(user, classId, appId, assigned);
			flash.addFlashAttribute("notice", assigned ? "apps.class.added" : "apps.class.removed");
		});
	}

	@PostMapping("/classes/{classId}/app-requests")
	String request(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@RequestParam String appId, @RequestParam String reason, RedirectAttributes flash) {
		return attempt(flash, "redirect:/classes/" + classId + "/apps", () -> {
			requests.request(user, classId, appId, reason);
			flash.addFlashAttribute("notice", "apps.request.sent");
		});
	}

	/** The uploaded image; one larger than a wallpaper may be is not even read. */
	private static byte[] bytes(@Nullable MultipartFile image) {
		if (image != null && image.getSize() > Wallpapers.MAX_BYTES) {
			throw new Refused(Status.UNPROCESSABLE, "apps.profile.bad-image", Wallpapers.MAX_BYTES / 1024 / 1024);
		}
		try {
			return image == null ? new byte[0] : image.getBytes();
		}
		catch (java.io.IOException e) {
			throw new Refused(Status.UNPROCESSABLE, "apps.profile.bad-image", Wallpapers.MAX_BYTES / 1024 / 1024);
		}
	}

	private List<Named> named(List<AppRequest> list, Locale locale) {
		return list.stream().map(r -> new Named(r,
				catalog.find(r.appId()).map(app -> app.name(locale)).orElse(r.appId()),
				people.find(r.requestedBy()).map(p -> p.displayName()).orElse(""),
				classes.find(r.schoolId(), r.classId()).map(c -> c.name()).orElse("")))
			.toList();
	}

	private static String attempt(RedirectAttributes flash, String target, Runnable action) {
		try {
			action.run();
		}
		catch (Refused refused) {
			if (refused.status() == Status.NOT_FOUND) {
				throw refused;
			}
			flash.addFlashAttribute("refused", refused);
		}
		return target;
	}
}
