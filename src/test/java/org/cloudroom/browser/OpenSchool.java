package org.cloudroom.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.SchoolId;

/**
 * A school opened for one test through the server's own services, so that a test starts where its part of the
 * story does. Its name and admin are unique, as all tests share one database.
 */
record OpenSchool(SchoolId id, String name, Credential admin) {

	/** A school whose name ends in a tag of its own, as other tests may open one of the same name. */
	static OpenSchool open(Program program, String name, int quota) {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		return named(program, name + " " + tag, "admin-" + tag, quota);
	}

	static OpenSchool named(Program program, String name, String adminUsername, int quota) {
		var opened = program.open(name, quota, adminUsername, "Hong", "Lin");
		return new OpenSchool(opened.school().id(), opened.school().name(), opened.admin());
	}

	OpenSchool withClass(PeopleImport peopleImport, ClassList list) {
		importing(peopleImport, list.csv());
		return this;
	}

	/** Imports a class list's CSV as the school's admin uploads it; the credentials in the file's order. */
	List<Credential> importing(PeopleImport peopleImport, String csv) {
		try {
			return peopleImport.importFile(id, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false)
				.people();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A person as the server knows them once they have logged in. */
	static CloudroomUser user(People people, String username) {
		var person = people.findByUsername(username).orElseThrow();
		return new CloudroomUser(person.id(), person.schoolId(), person.username(), person.role());
	}
}
