package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same class list sent twice at once through the API (a double click, two admins): one import creates the
 * accounts, the other is told plainly that they exist already; neither meets a database lock timeout (issue #15: the
 * second answered 500 "Timeout trying to lock table SCHOOL").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ImportsOfOneSchoolTests {

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@RepeatedTest(3)
	void theSameListSentTwiceAtOnceCreatesItsAccountsOnceAndTellsTheOtherWhy() throws Exception {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var school = program.open("Twice School " + tag, 40, "twice-" + tag, "Hong", "Lin").school().id();
		var csv = new StringBuilder("username,given_name,family_name,role,class\n");
		for (int i = 1; i <= 25; i++) {
			csv.append("t%s-%02d,同学%d,王,student,五年级二班\n".formatted(tag, i, i));
		}
		var together = new CountDownLatch(1);
		var answers = new ArrayList<Future<Object>>();

		try (var admins = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int click = 0; click < 2; click++) {
				answers.add(admins.submit(() -> {
					together.await();
					try {
						return peopleImport.importFile(school, new ByteArrayInputStream(csv.toString().getBytes(UTF_8)),
								false);
					}
					catch (Refused refused) {
						return refused;
					}
				}));
			}
			together.countDown();
		}

		List<Object> results = new ArrayList<>();
		for (var answer : answers) {
			results.add(answer.get(60, TimeUnit.SECONDS));
		}
		assertThat(results).filteredOn(ImportResult.class::isInstance).singleElement()
			.satisfies(result -> assertThat(((ImportResult) result).people()).hasSize(25));
		assertThat(results).filteredOn(Refused.class::isInstance).singleElement()
			.satisfies(refused -> assertThat(((Refused) refused).status()).isEqualTo(Status.UNPROCESSABLE));
		assertThat(people.ofSchool(school)).filteredOn(p -> p.role() == Role.STUDENT).hasSize(25);
	}
}
