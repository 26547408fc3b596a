package org.cloudroom.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A school's desktop profile: versions, what new desktops get, what running ones are told, and rolling back. */
@DatabaseTest
class ProfilesTests {

	@Autowired
	Program program;

	@Autowired
	Profiles profiles;

	@Autowired
	People people;

	SchoolId school;
	CloudroomUser admin;
	final PersonId student = new PersonId(UUID.randomUUID());

	@BeforeEach
	void aSchool() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = program.open("Profile School " + tag, 5, "padm-" + tag, "Hong", "Lin");
		school = opened.school().id();
		admin = new CloudroomUser(people.findByUsername(opened.admin().username()).orElseThrow().id(), school,
				opened.admin().username(), Role.ADMIN);
	}

	@Test
	void aChangeIsANewVersionForNewDesktopsAndRunningOnesHearOfIt() {
		var first = profiles.forNewDesktop(student, school);
		assertThat(first).isEqualTo(Profile.DEFAULT);
		assertThat(profiles.newerThanInUse(student, school)).isFalse();

		var changed = profiles.change(admin, school, "#AA3300", "https://www.example.edu/", "en");

		assertThat(changed.version()).isEqualTo(1);
		assertThat(changed.wallpaper()).isEqualTo("#aa3300");
		assertThat(changed.localeFor(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.ENGLISH);
		assertThat(profiles.newerThanInUse(student, school)).isTrue();
		assertThat(profiles.forNewDesktop(student, school)).isEqualTo(changed);
		assertThat(profiles.newerThanInUse(student, school)).isFalse();
	}

	@Test
	void rollingBackMakesThePreviousVersionCurrentAndKeepsTheHistory() {
		var first = profiles.change(admin, school, "#112233", "", "");
		profiles.change(admin, school, "#445566", "", "zh-CN");

		var back = profiles.rollBack(admin, school);

		assertThat(back).isEqualTo(first);
		assertThat(profiles.current(school)).isEqualTo(first);
		assertThat(profiles.versions(admin, school)).extracting(Profile::version).containsExactly(2, 1);
		assertThat(profiles.rollBack(admin, school)).isEqualTo(Profile.DEFAULT);
		assertRefused(() -> profiles.rollBack(admin, school), Status.CONFLICT);
		assertThat(profiles.change(admin, school, "#778899", "", "").version()).isEqualTo(3);
	}

	@Test
	void badValuesAndOtherPeopleChangeNothing() {
		var teacher = new CloudroomUser(new PersonId(UUID.randomUUID()), school, "t", Role.TEACHER);
		var otherAdmin = new CloudroomUser(new PersonId(UUID.randomUUID()), SchoolId.random(), "o", Role.ADMIN);

		assertRefused(() -> profiles.change(admin, school, "blue", "", ""), Status.UNPROCESSABLE);
		assertRefused(() -> profiles.change(admin, school, "#112233", "javascript:alert(1)", ""),
				Status.UNPROCESSABLE);
		assertRefused(() -> profiles.change(admin, school, "#112233", "", "fr"), Status.UNPROCESSABLE);
		assertRefused(() -> profiles.change(teacher, school, "#112233", "", ""), Status.FORBIDDEN);
		assertRefused(() -> profiles.change(otherAdmin, school, "#112233", "", ""), Status.NOT_FOUND);
		assertRefused(() -> profiles.rollBack(otherAdmin, school), Status.NOT_FOUND);

		assertThat(profiles.current(school)).isEqualTo(Profile.DEFAULT);
	}

	private static void assertRefused(Runnable action, Status status) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(Refused.class,
				refused -> assertThat(refused.status()).isEqualTo(status));
	}
}
