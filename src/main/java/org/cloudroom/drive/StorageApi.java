package org.cloudroom.drive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolClass;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For a school admin: what each person and class of the school keeps, and each person's quota. */
@RestController
@RequestMapping("/api/v1/schools/{schoolId}")
class StorageApi {

	record PersonUse(String id, String username, String displayName, String role, long usedBytes, long quotaBytes,
			boolean ownQuota) {
	}

	/** What a class's people keep, and what its materials take besides. */
	record ClassUse(String id, String name, long usedBytes, long materialsBytes) {
	}

	/** The school's defaults per role, and whether each is the school's own or the server's. */
	record Defaults(@Nullable Long studentQuotaBytes, @Nullable Long teacherQuotaBytes) {
	}

	record Storage(List<PersonUse> people, List<ClassUse> classes, Defaults defaults, Defaults own) {
	}

	record Quota(@Nullable Long quotaBytes) {
	}

	private final Drive drive;
	private final Quotas quotas;
	private final People people;
	private final Classes classes;

	private final ClassFolders folders;

	StorageApi(Drive drive, Quotas quotas, People people, Classes classes, ClassFolders folders) {
		this.folders = folders;
		this.drive = drive;
		this.quotas = quotas;
		this.people = people;
		this.classes = classes;
	}

	@GetMapping("/storage")
	Storage storage(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId) throws IOException {
		user.requireAdminOf(schoolId);
		var used = new HashMap<PersonId, Long>();
		var persons = new ArrayList<PersonUse>();
		var order = NameOrder.forReader();
		for (var person : people.ofSchool(schoolId).stream().sorted(java.util.Comparator
			.comparing((Person p) -> p.role().name()).thenComparing(Person::familyName, order)
			.thenComparing(Person::givenName, order).thenComparing(Person::username)).toList()) {
			var space = drive.space(person.id(), person.role());
			used.put(person.id(), space.usedBytes());
			persons.add(new PersonUse(person.id().toString(), person.username(), person.displayName(),
					person.role().name().toLowerCase(java.util.Locale.ROOT), space.usedBytes(), space.quotaBytes(),
					quotas.own(person.id()).isPresent()));
		}
		var perClass = new ArrayList<ClassUse>();
		for (var schoolClass : classes.ofSchool(schoolId).stream()
			.sorted(java.util.Comparator.comparing(SchoolClass::name, order)).toList()) {
			perClass.add(new ClassUse(schoolClass.id().toString(), schoolClass.name(),
					people.ofClass(schoolClass.id()).stream().mapToLong(p -> used.getOrDefault(p.id(), 0L)).sum(),
					Sizes.of(folders.materials(schoolClass.id()))));
		}
		return new Storage(persons, perClass, new Defaults(quotas.ofSchool(schoolId, Role.STUDENT),
				quotas.ofSchool(schoolId, Role.TEACHER)), new Defaults(quotas.schoolDefault(schoolId, Role.STUDENT)
			.orElse(null), quotas.schoolDefault(schoolId, Role.TEACHER).orElse(null)));
	}

	/** Sets the school's default quotas per role; a {@code null} one gives the server's default again. */
	@PutMapping("/storage/defaults")
	Defaults setDefaults(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@RequestBody Defaults defaults) throws IOException {
		user.requireAdminOf(schoolId);
		for (var bytes : java.util.Arrays.asList(defaults.studentQuotaBytes(), defaults.teacherQuotaBytes())) {
			if (bytes != null && bytes < 0) {
				throw new Refused(Status.UNPROCESSABLE, "drive.quota.invalid");
			}
		}
		quotas.setSchoolDefault(schoolId, Role.STUDENT, defaults.studentQuotaBytes());
		quotas.setSchoolDefault(schoolId, Role.TEACHER, defaults.teacherQuotaBytes());
		for (var person : people.ofSchool(schoolId)) {
			drive.quotaChanged(person.id(), person.role());
		}
		return new Defaults(quotas.ofSchool(schoolId, Role.STUDENT), quotas.ofSchool(schoolId, Role.TEACHER));
	}

	/** Sets a person's own quota; {@code {"quotaBytes": null}} gives them their role's default again. */
	@PutMapping("/people/{personId}/quota")
	Quota setQuota(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable PersonId personId, @RequestBody Quota quota) throws IOException {
		user.requireAdminOf(schoolId);
		var person = people.findInSchool(schoolId, personId).orElseThrow(Refused::notFound);
		if (quota.quotaBytes() != null && quota.quotaBytes() < 0) {
			throw new Refused(Status.UNPROCESSABLE, "drive.quota.invalid");
		}
		quotas.set(person.id(), schoolId, quota.quotaBytes());
		drive.quotaChanged(person.id(), person.role());
		return new Quota(quotas.of(person.id(), person.role()));
	}
}
