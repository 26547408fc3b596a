package org.cloudroom.drive;

import java.io.IOException;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.accounts.Schools;
import org.cloudroom.status.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The school admin's storage page: what each class and person keeps, and each person's quota to change. */
@Controller
class StoragePages {

	private static final long MB = 1024 * 1024;

	private final StorageApi storage;
	private final Schools schools;

	StoragePages(StorageApi storage, Schools schools) {
		this.storage = storage;
		this.schools = schools;
	}

	@GetMapping("/schools/{schoolId}/storage")
	String storage(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId, Model model)
			throws IOException {
		model.addAttribute("school", schools.find(schoolId).orElseThrow(Refused::notFound));
		model.addAttribute("storage", storage.storage(user, schoolId));
		return "storage";
	}

	/** Sets the school's defaults in megabytes; an empty one gives the server's default again. */
	@PostMapping("/schools/{schoolId}/storage/defaults")
	String setDefaults(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam(required = false) @Nullable Long studentMegabytes,
			@RequestParam(required = false) @Nullable Long teacherMegabytes, RedirectAttributes redirect) throws IOException {
		storage.setDefaults(user, schoolId, new StorageApi.Defaults(bytes(studentMegabytes), bytes(teacherMegabytes)));
		redirect.addFlashAttribute("notice", "storage.quota-saved");
		return "redirect:/schools/" + schoolId + "/storage";
	}

	/** Sets a quota in megabytes; an empty one gives the person their role's default again. */
	@PostMapping("/schools/{schoolId}/people/{personId}/quota")
	String setQuota(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable PersonId personId, @RequestParam(required = false) @Nullable Long quotaMegabytes,
			RedirectAttributes redirect) throws IOException {
		storage.setQuota(user, schoolId, personId, new StorageApi.Quota(bytes(quotaMegabytes)));
		redirect.addFlashAttribute("notice", "storage.quota-saved");
		return "redirect:/schools/" + schoolId + "/storage";
	}

	private static @Nullable Long bytes(@Nullable Long megabytes) {
		if (megabytes != null && (megabytes < 0 || megabytes > Long.MAX_VALUE / MB)) {
			throw new Refused(org.cloudroom.status.Status.UNPROCESSABLE, "drive.quota.invalid");
		}
		return megabytes == null ? null : megabytes * MB;
	}
}
