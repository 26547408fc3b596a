package org.cloudroom.apps;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/** The apps in the JSON API: the catalog and installs, what schools and classes get, requests, profiles. */
@RestController
@RequestMapping("/api/v1")
class AppsApi {

	record AppView(String id, String name, String comment, String icon, List<String> categories,
			List<String> categoryNames, boolean installed, @Nullable String debianPackage) {
		static AppView of(App app, Locale locale, MessageSource messages) {
			var categories = app.shownCategories();
			return new AppView(app.id(), app.name(locale), app.comment(locale), app.icon(), categories,
					categories.stream().map(c -> messages.getMessage("apps.category." + c, null, locale)).toList(),
					app.installed(), app.debianPackage());
		}
	}

	record OfferView(AppView app, boolean everyClass) {
	}

	record SchoolChoice(@Nullable Boolean allowed, @Nullable Boolean everyClass) {
	}

	record ClassChoice(boolean assigned) {
	}

	record Mine(List<AppView> apps, int profileVersion, boolean newConfigurationReady) {
	}

	/** An install as the API has always shown it. */
	record InstallView(UUID id, String appId, UUID startedBy, OffsetDateTime startedAt, Install.State state,
			int percent, List<String> log) {

		static InstallView of(Install i) {
			return new InstallView(i.id(), i.appId(), i.startedBy().value(), i.startedAt(), i.state(), i.percent(),
					i.log());
		}
	}

	/** A request as the API has always shown it. */
	record RequestView(UUID id, UUID schoolId, UUID classId, String appId, UUID requestedBy, String reason,
			OffsetDateTime requestedAt, AppRequest.State state, @Nullable UUID decidedBy,
			@Nullable OffsetDateTime decidedAt, @Nullable String decisionNote) {

		static RequestView of(AppRequest r) {
			var decidedBy = r.decidedBy();
			return new RequestView(r.id(), r.schoolId().value(), r.classId().value(), r.appId(),
					r.requestedBy().value(), r.reason(), r.requestedAt(), r.state(),
					decidedBy == null ? null : decidedBy.value(), r.decidedAt(), r.decisionNote());
		}
	}

	record NewRequest(String appId, String reason) {
	}

	record Decision(boolean approve, @Nullable String note) {
	}

	record ProfileChange(String wallpaper, @Nullable String homePage, @Nullable String locale) {
	}

	record DefaultAppsChange(@Nullable String browser, @Nullable String editor, @Nullable String fileManager) {
	}

	private final AppCatalog catalog;
	private final Availability availability;
	private final AppRequests requests;
	private final Profiles profiles;
	private final Installs installs;
	private final MessageSource messages;

	AppsApi(AppCatalog catalog, Availability availability, AppRequests requests, Profiles profiles,
			Installs installs, MessageSource messages) {
		this.catalog = catalog;
		this.availability = availability;
		this.requests = requests;
		this.profiles = profiles;
		this.installs = installs;
		this.messages = messages;
	}

	@GetMapping("/apps")
	List<AppView> catalog(Locale locale) {
		return catalog.all().stream().map(app -> AppView.of(app, locale, messages)).toList();
	}

	@GetMapping("/apps/mine")
	Mine mine(@AuthenticationPrincipal CloudroomUser user, Locale locale) {
		var school = user.school();
		if (school == null) {
			return new Mine(List.of(), 0, false);
		}
		var apps = availability.forPerson(user.id(), school).stream().map(app -> AppView.of(app, locale, messages))
			.toList();
		return new Mine(apps, profiles.current(school).version(), profiles.newerThanInUse(user.id(), school));
	}

	@PostMapping("/apps/{appId}/installs")
	ResponseEntity<InstallView> install(@AuthenticationPrincipal CloudroomUser user, @PathVariable String appId) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(InstallView.of(installs.start(user, appId)));
	}

	@GetMapping("/apps/installs/{id}")
	InstallView installOf(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID id) {
		return InstallView.of(installs.find(user, id));
	}

	@GetMapping("/schools/{schoolId}/apps")
	List<OfferView> ofSchool(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			Locale locale) {
		return availability.ofSchool(user, schoolId).stream()
			.map(offer -> new OfferView(AppView.of(offer.app(), locale, messages), offer.everyClass())).toList();
	}

	@PutMapping("/schools/{schoolId}/apps/{appId}")
	List<OfferView> setForSchool(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable String appId, @RequestBody SchoolChoice choice, Locale locale) {
		if (choice.allowed() == null && choice.everyClass() == null) {
			throw new Refused(Status.BAD_REQUEST, "apps.choice-missing");
		}
		if (choice.allowed() != null) {
			availability.allow(user, schoolId, appId, choice.allowed());
		}
		if (choice.everyClass() != null) {
			availability.giveToEveryClass(user, schoolId, appId, choice.everyClass());
		}
		return ofSchool(user, schoolId, locale);
	}

	@GetMapping("/classes/{classId}/apps")
	List<AppView> ofClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId, Locale locale) {
		return availability.ofClass(user, classId).stream().map(app -> AppView.of(app, locale, messages)).toList();
	}

	@PutMapping("/classes/{classId}/apps/{appId}")
	List<AppView> setForClass(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@PathVariable String appId, @RequestBody ClassChoice choice, Locale locale) {
		availability.assign(user, classId, appId, choice.assigned());
		return ofClass(user, classId, locale);
	}

	@PostMapping("/classes/{classId}/app-requests")
	ResponseEntity<RequestView> request(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@RequestBody NewRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(RequestView.of(requests.request(user, classId, request.appId(), request.reason())));
	}

	@GetMapping("/app-requests/mine")
	List<RequestView> myRequests(@AuthenticationPrincipal CloudroomUser user) {
		return requests.mine(user).stream().map(RequestView::of).toList();
	}

	@GetMapping("/app-requests")
	List<RequestView> forOperator(@AuthenticationPrincipal CloudroomUser user) {
		return requests.forOperator(user).stream().map(RequestView::of).toList();
	}

	@GetMapping("/schools/{schoolId}/app-requests")
	List<RequestView> ofSchoolRequests(@AuthenticationPrincipal CloudroomUser user,
			@PathVariable SchoolId schoolId) {
		return requests.ofSchool(user, schoolId).stream().map(RequestView::of).toList();
	}

	@PostMapping("/app-requests/{id}/decision")
	RequestView decide(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID id,
			@RequestBody Decision decision) {
		return RequestView.of(requests.decide(user, id, decision.approve(), decision.note()));
	}

	@GetMapping("/schools/{schoolId}/profile")
	List<Profile> profileVersions(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		var versions = profiles.versions(user, schoolId);
		return versions.isEmpty() ? List.of(profiles.current(schoolId)) : versions;
	}

	@PutMapping("/schools/{schoolId}/profile")
	Profile changeProfile(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestBody ProfileChange change) {
		return profiles.change(user, schoolId, change.wallpaper(), change.homePage() == null ? "" : change.homePage(),
				change.locale() == null ? "" : change.locale());
	}

	/** The body is the image itself, a PNG or JPEG; more than {@link Wallpapers#MAX_BYTES} is not even read. */
	@PutMapping(path = "/schools/{schoolId}/profile/wallpaper-image",
			consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE })
	Profile changeWallpaperImage(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			InputStream image) throws IOException {
		return profiles.changeWallpaperImage(user, schoolId, image.readNBytes(Wallpapers.MAX_BYTES + 1));
	}

	@DeleteMapping("/schools/{schoolId}/profile/wallpaper-image")
	Profile removeWallpaperImage(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		return profiles.removeWallpaperImage(user, schoolId);
	}

	/** Each an installed app's id of its kind, or empty (or left out) for Cloudroom's own. */
	@PutMapping("/schools/{schoolId}/profile/default-apps")
	Profile changeDefaultApps(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestBody DefaultAppsChange change) {
		return profiles.changeDefaultApps(user, schoolId, orEmpty(change.browser()), orEmpty(change.editor()),
				orEmpty(change.fileManager()));
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	@PostMapping("/schools/{schoolId}/profile/rollback")
	Profile rollBack(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) {
		return profiles.rollBack(user, schoolId);
	}
}
