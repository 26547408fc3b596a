package org.cloudroom.reporting;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;

/**
 * A school with an admin and a class "五年级二班" of a teacher and three students: 王小明, 李小红 and one whose
 * name a spreadsheet would take for a formula, {@code =HYPERLINK("x") Li, Jr}.
 */
record StudySchool(SchoolId id, ClassId classId, Person admin, String adminPassword, Person teacher,
		String teacherPassword, List<Person> students, List<String> studentPasswords) {

	static StudySchool open(Program program, PeopleImport peopleImport, People people, Classes classes)
			throws IOException {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = program.open("Study School " + tag, 20, "sadmin-" + tag, "Hong", "Lin");
		var school = opened.school().id();
		var imported = peopleImport.importFile(school, new ByteArrayInputStream("""
				username,given_name,family_name,role,class
				teach-%1$s,老师,张,teacher,五年级二班
				ming-%1$s,小明,王,student,五年级二班
				hong-%1$s,小红,李,student,五年级二班
				joker-%1$s,"=HYPERLINK(""x"")","Li, Jr",student,五年级二班
				""".formatted(tag).getBytes(UTF_8)), false);
		var credentials = imported.people();
		var persons = credentials.stream().map(c -> people.findByUsername(c.username()).orElseThrow()).toList();
		var schoolClass = classes.findByName(school, "五年级二班").orElseThrow();
		return new StudySchool(school, schoolClass.id(), people.findByUsername(opened.admin().username()).orElseThrow(),
				opened.admin().initialPassword(), persons.getFirst(), credentials.getFirst().initialPassword(),
				persons.subList(1, 4), credentials.subList(1, 4).stream().map(c -> c.initialPassword()).toList());
	}

	static CloudroomUser user(Person person) {
		return new CloudroomUser(person.id(), person.schoolId(), person.username(), person.role());
	}

	static CloudroomUser operator() {
		return new CloudroomUser(PersonId.random(), null, "admin", Role.OPERATOR);
	}
}
