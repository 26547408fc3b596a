package org.cloudroom.accounts;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The pages where the operator opens schools and a school admin keeps classes, people and login cards. A refused
 * form comes back with the reason beside the field; a credential is shown once, right after it is made.
 */
@Controller
class SchoolPages {

	private final Schools schools;
	private final Classes classes;
	private final People people;
	private final Program program;
	private final Roster roster;
	private final PeopleImport peopleImport;
	private final LoginCards cards;
	private final ImportJobs importJobs;
	private final LoginThrottle throttle;
	private final AccountsSettings settings;

	SchoolPages(Schools schools, Classes classes, People people, Program program, Roster roster,
			PeopleImport peopleImport, LoginCards cards, ImportJobs importJobs, LoginThrottle throttle,
			AccountsSettings settings) {
		this.schools = schools;
		this.classes = classes;
		this.people = people;
		this.program = program;
		this.roster = roster;
		this.peopleImport = peopleImport;
		this.cards = cards;
		this.importJobs = importJobs;
		this.throttle = throttle;
		this.settings = settings;
	}

	@GetMapping("/schools")
	String schools(@AuthenticationPrincipal CloudroomUser user, Model model) {
		user.requireOperator();
		var all = schools.all();
		model.addAttribute("schools", all);
		model.addAttribute("accountsUsed", all.stream().mapToInt(School::accountsUsed).sum());
		model.addAttribute("accountQuota", all.stream().mapToInt(School::accountQuota).sum());
		return "schools";
	}

	@PostMapping("/schools")
	String openSchool(@AuthenticationPrincipal CloudroomUser user, @RequestParam String name,
			@RequestParam(defaultValue = "0") int accountQuota, @RequestParam String adminUsername,
			@RequestParam String adminGivenName, @RequestParam String adminFamilyName, RedirectAttributes flash) {
		user.requireOperator();
		return attempt(flash, "redirect:/schools", () -> {
			var opened = program.open(name, accountQuota, adminUsername, adminGivenName, adminFamilyName);
			flash.addFlashAttribute("credentials", List.of(opened.admin()));
			flash.addFlashAttribute("opened", opened.school().name());
			return "redirect:/schools";
		});
	}

	@GetMapping("/schools/{schoolId}")
	String school(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId, Model model) {
		user.requireAdminOf(schoolId);
		model.addAttribute("school", schools.find(schoolId).orElseThrow(Refused::notFound));
		model.addAttribute("classes", classes.ofSchool(schoolId));
		model.addAttribute("people", people.ofSchool(schoolId));
		model.addAttribute("columns", String.join(",", PeopleImport.COLUMNS));
		return "school";
	}

	@PostMapping("/schools/{schoolId}/uplink")
	String setUplink(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam(defaultValue = "") String uplink, RedirectAttributes flash) {
		user.requireAdminOf(schoolId);
		return attempt(flash, "redirect:/schools/" + schoolId, () -> {
			program.setUplink(schoolId, uplink);
			flash.addFlashAttribute("notice", "school.uplink-saved");
			return "redirect:/schools/" + schoolId;
		});
	}

	@PostMapping("/schools/{schoolId}/classes")
	String addClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam String name, RedirectAttributes flash) {
		user.requireAdminOf(schoolId);
		return attempt(flash, "redirect:/schools/" + schoolId, () -> {
			var created = roster.addClass(schoolId, name);
			return "redirect:/schools/" + schoolId + "/classes/" + created.id();
		});
	}

	@PostMapping("/schools/{schoolId}/people")
	String addPerson(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam String username, @RequestParam String givenName, @RequestParam String familyName,
			@RequestParam String role, @RequestParam(defaultValue = "") String className, RedirectAttributes flash) {
		user.requireAdminOf(schoolId);
		return attempt(flash, "redirect:/schools/" + schoolId, () -> {
			var row = new RosterRow(null, 0, username, givenName, familyName, role, PeopleImport.classes(className),
					null);
			flash.addFlashAttribute("credentials", roster.add(schoolId, List.of(row), false).people());
			return "redirect:/schools/" + schoolId;
		});
	}

	/**
	 * The import form posts here with htmx. The file is read and checked for size at once; the import itself runs
	 * in the background and the answer is a fragment that polls {@link #importProgress} until it is done.
	 */
	@PostMapping("/schools/{schoolId}/import")
	String importPeople(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestParam("file") MultipartFile file, Model model) throws IOException {
		user.requireAdminOf(schoolId);
		model.addAttribute("schoolId", schoolId);
		try {
			var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
			var bytes = peopleImport.read(file.getInputStream());
			var jobId = importJobs.start(user, schoolId, bytes, name.endsWith(".zip"));
			return progress(model, jobId, importJobs.find(user, schoolId, jobId).orElseThrow());
		}
		catch (Refused refused) {
			model.addAttribute("refused", refused);
			return "import-result :: result";
		}
	}

	@GetMapping("/schools/{schoolId}/import/{jobId}")
	String importProgress(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable UUID jobId, Model model) {
		user.requireAdminOf(schoolId);
		var job = importJobs.find(user, schoolId, jobId).orElseThrow(Refused::notFound);
		model.addAttribute("schoolId", schoolId);
		return progress(model, jobId, job);
	}

	private static String progress(Model model, UUID jobId, ImportJobs.Job job) {
		if (job.running()) {
			model.addAttribute("jobId", jobId);
			model.addAttribute("done", job.done());
			model.addAttribute("total", job.total());
			model.addAttribute("percent", job.percent());
			return "import-result :: running";
		}
		model.addAttribute("result", job.result());
		model.addAttribute("refused", job.refused());
		return "import-result :: result";
	}

	@GetMapping("/schools/{schoolId}/classes/{classId}")
	String schoolClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable ClassId classId, Model model) {
		user.requireMemberOf(schoolId);
		var schoolClass = classes.find(schoolId, classId).orElseThrow(Refused::notFound);
		var members = people.ofClass(classId);
		var teachesIt = user.role() == Role.TEACHER && members.stream().anyMatch(p -> p.id().equals(user.id()));
		if (!teachesIt) {
			user.requireAdminOf(schoolId);
		}
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("members", members);
		model.addAttribute("cards", cards.validCards(schoolId, classId));
		var canManage = user.isOperator() || user.role() == Role.ADMIN;
		model.addAttribute("canManage", canManage);
		var waiting = throttle.waiting(
				members.stream().filter(p -> canManage || p.role() == Role.STUDENT).toList());
		model.addAttribute("waiting", members.stream().filter(p -> waiting.containsKey(p.id())).toList());
		model.addAttribute("waits", waiting);
		model.addAttribute("inClass", members.stream().anyMatch(p -> p.id().equals(user.id())));
		return "class";
	}

	/**
	 * Prints the class's cards. Passwords stay as they are unless {@code newPasswords} is asked for and confirmed:
	 * then everyone still on an initial password gets a new one on their card, and the old one stops working.
	 */
	@PostMapping("/schools/{schoolId}/classes/{classId}/cards")
	String printClassCards(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable ClassId classId, @RequestParam(defaultValue = "false") boolean newPasswords,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes flash) {
		user.requireAdminOf(schoolId);
		var back = "/schools/" + schoolId + "/classes/" + classId;
		return attempt(flash, "redirect:" + back, () -> {
			if (newPasswords && !confirmed) {
				throw new Refused(Status.UNPROCESSABLE, "cards.confirm-new-passwords");
			}
			model.addAttribute("cards", cards.issueForClass(schoolId, classId, newPasswords));
			model.addAttribute("newPasswords", newPasswords);
			model.addAttribute("back", back);
			model.addAttribute("loginAddress", loginAddress());
			return "cards";
		});
	}

	@PostMapping("/schools/{schoolId}/people/{personId}/card")
	String printCard(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable PersonId personId, @RequestParam(defaultValue = "") String back, Model model) {
		user.requireAdminOf(schoolId);
		model.addAttribute("cards", List.of(cards.issueFor(schoolId, personId)));
		model.addAttribute("back", safeBack(back, schoolId));
		model.addAttribute("loginAddress", loginAddress());
		return "cards";
	}

	/** Where students log in: the configured public address, else the one this browser reached the server at. */
	private String loginAddress() {
		var address = settings.publicAddress() != null ? settings.publicAddress().toString()
				: ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
	}

	@PostMapping("/schools/{schoolId}/people/{personId}/card/void")
	String voidCard(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable PersonId personId, @RequestParam(defaultValue = "") String back, RedirectAttributes flash) {
		user.requireAdminOf(schoolId);
		cards.voidCard(schoolId, personId);
		flash.addFlashAttribute("notice", "card.voided");
		return "redirect:" + safeBack(back, schoolId);
	}

	/** Only our own paths are followed back to, never a URL from outside. */
	private static String safeBack(String back, SchoolId schoolId) {
		return back.matches("/schools/[0-9a-f-]{36}(/classes/[0-9a-f-]{36})?") ? back : "/schools/" + schoolId;
	}

	private static String attempt(RedirectAttributes flash, String onRefusal, Supplier<String> action) {
		try {
			return action.get();
		}
		catch (Refused refused) {
			if (refused.status() == Status.NOT_FOUND || refused.status() == Status.FORBIDDEN) {
				throw refused;
			}
			flash.addFlashAttribute("refused", refused);
			return onRefusal;
		}
	}
}
