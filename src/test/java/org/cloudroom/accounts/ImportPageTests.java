package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The school page's import, as the school's admin sends a class list. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportPageTests {

	private static final Pattern JOB = Pattern.compile("/import/([0-9a-f-]{36})");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Program program;

	@Autowired
	People people;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	@Test
	void theSameClassListSentTwiceCreatesItsAccountsOnceAndShowsTheirPasswords() throws Exception {
		var opened = program.open("Double Click School " + tag, 100, "admin-" + tag, "Hong", "Lin");
		var school = opened.school().id();
		var admin = user(opened.admin().username());
		var csv = new StringBuilder("username,given_name,family_name,role,class\n");
		for (int i = 1; i <= 30; i++) {
			csv.append("dc%02d-%s,小明%d,王,student,五年级二班\n".formatted(i, tag, i));
		}
		var file = new MockMultipartFile("file", "五年级二班.csv", "text/csv", csv.toString().getBytes(UTF_8));

		var first = job(mvc.post().uri("/schools/{s}/import", school.toString()).multipart().file(file)
			.with(as(admin)).exchange().getResponse().getContentAsString());
		var second = job(mvc.post().uri("/schools/{s}/import", school.toString()).multipart().file(file)
			.with(as(admin)).exchange().getResponse().getContentAsString());

		assertThat(second).as("the second click joins the first import").isEqualTo(first);
		var page = awaitResult(school, first, admin);
		assertThat(page).contains("id=\"import-done\"", "30 people created.").doesNotContain("import-refused");
		assertThat(people.ofSchool(school)).hasSize(31);
		for (var person : people.ofSchool(school).stream().filter(p -> p.role() == Role.STUDENT).toList()) {
			assertThat(page).containsPattern("<code>" + person.username() + "</code></td><td><code>[a-z2-9]{8}</code>");
		}
	}

	private String awaitResult(SchoolId school, String job, CloudroomUser admin) {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
			.until(() -> mvc.get().uri("/schools/{s}/import/{j}", school.toString(), job).with(as(admin)).exchange()
				.getResponse().getContentAsString(), page -> !page.contains("import-running"));
	}

	private static String job(String fragment) {
		var matcher = JOB.matcher(fragment);
		assertThat(matcher.find()).as("a running import in %s", fragment).isTrue();
		return matcher.group(1);
	}

	private CloudroomUser user(String username) {
		var person = people.findByUsername(username).orElseThrow();
		return new CloudroomUser(person.id(), person.schoolId(), person.username(), person.role());
	}

	private static RequestPostProcessor as(CloudroomUser user) {
		var authentication = authentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority()))));
		return request -> csrf().postProcessRequest(authentication.postProcessRequest(request));
	}
}
