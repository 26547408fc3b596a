package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.UUID;

import org.cloudroom.DatabaseTest;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A home that a running desktop fills is told once, and again only after room was made and it filled again. */
@DatabaseTest
@RecordApplicationEvents
class FullHomesTests {

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Quotas quotas;

	@Autowired
	Usage usage;

	@Autowired
	UsageScan scan;

	@Autowired
	FullHomes fullHomes;

	@Autowired
	ApplicationEvents events;

	@Test
	void aHomeInUseThatFillsUpIsToldOnceAndAgainOnlyAfterRoomWasMade() throws Exception {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var school = program.open("Garden School " + tag, 5, "gadmin-" + tag, "Hong", "Lin").school().id();
		peopleImport.importFile(school, new ByteArrayInputStream(
				"username,given_name,family_name,role,class\nfull-%s,小明,王,student,五年级一班\n".formatted(tag)
					.getBytes(UTF_8)), false);
		var student = people.findByUsername("full-" + tag).orElseThrow().id();
		quotas.set(student, school, 10L * 1024 * 1024);
		usage.measured(student, 4L * 1024 * 1024);
		scan.inUse(student);

		fullHomes.watch();
		usage.measured(student, 10L * 1024 * 1024);
		fullHomes.watch();
		fullHomes.watch();
		assertThat(events.stream(HomeFull.class)).singleElement()
			.isEqualTo(new HomeFull(student, 10L * 1024 * 1024, 10L * 1024 * 1024));

		usage.measured(student, 2L * 1024 * 1024);
		fullHomes.watch();
		usage.measured(student, 10L * 1024 * 1024);
		fullHomes.watch();

		assertThat(events.stream(HomeFull.class)).hasSize(2);
		scan.released(student);
	}
}
