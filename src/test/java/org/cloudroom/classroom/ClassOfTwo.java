package org.cloudroom.classroom;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.SchoolId;

/**
 * A school with two classes, each with its teacher, and its admin: class 5-2 with students Ming and Hong and a
 * second teacher, Wu, class 5-3 with student Fang. Usernames are unique, as tests share one database; each
 * person's initial password is kept by username.
 */
record ClassOfTwo(SchoolId school, CloudroomUser admin, ClassId class52, ClassId class53, CloudroomUser teacher,
		CloudroomUser otherTeacher, CloudroomUser coTeacher, CloudroomUser ming, CloudroomUser hong,
		CloudroomUser fang, Map<String, String> passwords) {

	static ClassOfTwo open(Program program, PeopleImport peopleImport, People people, Classes classes) {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = program.open("Classroom School " + tag, 20, "cadmin-" + tag, "Hong", "Lin");
		var school = opened.school().id();
		var passwords = new HashMap<String, String>();
		passwords.put(opened.admin().username(), opened.admin().initialPassword());
		try {
			peopleImport.importFile(school, new ByteArrayInputStream("""
					username,given_name,family_name,role,class,password
					li-%1$s,老师,李,teacher,五年级二班,
					zhao-%1$s,老师,赵,teacher,五年级三班,
					wu-%1$s,老师,吴,teacher,五年级二班,
					ming-%1$s,小明,王,student,五年级二班,
					hong-%1$s,小红,李,student,五年级二班,
					fang-%1$s,芳,张,student,五年级三班,
					""".formatted(tag).getBytes(UTF_8)), false).people()
				.forEach((Credential c) -> passwords.put(c.username(), c.initialPassword()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ClassOfTwo(school, user(people, "cadmin-" + tag),
				classes.findByName(school, "五年级二班").orElseThrow().id(),
				classes.findByName(school, "五年级三班").orElseThrow().id(), user(people, "li-" + tag),
				user(people, "zhao-" + tag), user(people, "wu-" + tag), user(people, "ming-" + tag),
				user(people, "hong-" + tag), user(people, "fang-" + tag), Map.copyOf(passwords));
	}

	private static CloudroomUser user(People people, String username) {
		var person = people.findByUsername(username).orElseThrow();
		return new CloudroomUser(person.id(), person.schoolId(), person.username(), person.role());
	}
}
