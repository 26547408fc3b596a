package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudroom.accounts.LoginThrottlingTests.from;
import static org.cloudroom.accounts.LoginThrottlingTests.someAddress;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A student who typed wrong passwords is made to wait; their teacher, or the school's admin, sees it on the class
 * page and unlocks them. Nobody else can.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginWaitsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Classes classes;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);
	private final String address = someAddress();
	private final Map<String, String> passwords = new HashMap<>();
	private SchoolId school;
	private ClassId class52;
	private ClassId class53;

	@BeforeEach
	void aSchoolWithTwoClasses() throws IOException {
		var opened = program.open("Waiting School " + tag, 20, "wadmin-" + tag, "Hong", "Lin");
		school = opened.school().id();
		peopleImport.importFile(school, new ByteArrayInputStream("""
				username,given_name,family_name,role,class
				li-%1$s,老师,李,teacher,五年级二班
				wu-%1$s,老师,吴,teacher,五年级二班
				zhao-%1$s,老师,赵,teacher,五年级三班
				ming-%1$s,小明,王,student,五年级二班
				""".formatted(tag).getBytes(UTF_8)), false).people()
			.forEach(c -> passwords.put(c.username(), c.initialPassword()));
		class52 = classes.findByName(school, "五年级二班").orElseThrow().id();
		class53 = classes.findByName(school, "五年级三班").orElseThrow().id();
	}

	@Test
	void eachWrongPasswordCountsOnceWhereverItWasTyped() {
		for (int i = 0; i < 3; i++) {
			assertThat(formLogin("ming-" + tag, "wrong-" + i)).hasRedirectedUrl("/login?error");
		}
		for (int i = 0; i < 2; i++) {
			assertThat(token("ming-" + tag, "wrong-" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
		}

		var page = classPage("li-" + tag, "en");

		assertThat(page).contains("id=\"login-waits\"", "Waiting to log in", "<code>ming-" + tag + "</code>",
				"<td>5</td>");
		assertThat(formLogin("ming-" + tag, passwords.get("ming-" + tag))).hasRedirectedUrl("/login?wait=30");
	}

	@Test
	void theTeacherUnlocksAStudentWhoLogsInAtOnce() {
		makeMingWait();
		assertThat(classPage("li-" + tag, "zh-CN")).contains("正在等待登录", "解锁", "ming-" + tag);

		var unlocked = mvc.post().uri(unlock("ming-")).with(as("li-")).exchange();

		assertThat(unlocked).hasRedirectedUrl("/schools/" + school + "/classes/" + class52);
		assertThat(unlocked.getMvcResult().getFlashMap().get("notice")).isEqualTo("class.unlocked");
		assertThat(classPage("li-" + tag, "en")).doesNotContain("login-waits");
		assertThat(formLogin("ming-" + tag, passwords.get("ming-" + tag))).hasRedirectedUrl("/");
	}

	@Test
	void theSchoolsAdminUnlocksAnyoneOfTheClass() {
		makeMingWait();

		assertThat(classPage("wadmin-" + tag, "en")).contains("id=\"login-waits\"", "ming-" + tag);
		assertThat(mvc.post().uri(unlock("ming-")).with(as("wadmin-")).exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(formLogin("ming-" + tag, passwords.get("ming-" + tag))).hasRedirectedUrl("/");
	}

	@Test
	void nobodyElseUnlocksAndNothingChangesWhenTheyTry() throws IOException {
		makeMingWait();
		var other = program.open("Other School " + tag, 5, "oadmin-" + tag, "Fang", "Zhou");

		assertThat(mvc.post().uri(unlock("ming-")).with(as("zhao-")).exchange())
			.as("a teacher of another class").hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(unlock("ming-")).with(as("ming-")).exchange())
			.as("the student themself").hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(unlock("wu-")).with(as("li-")).exchange())
			.as("a teacher unlocking a teacher").hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri(unlock("ming-")).with(as(other.admin().username())).exchange())
			.as("another school's admin").hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/schools/{s}/classes/{c}/people/{p}/unlock", school, class53, id("ming-" + tag))
			.with(as("zhao-")).exchange()).as("through a class the student is not in").hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/schools/{s}/classes/{c}", school, class52).with(as("zhao-")).exchange())
			.as("the class page of another class").hasStatus(HttpStatus.FORBIDDEN);

		assertThat(formLogin("ming-" + tag, passwords.get("ming-" + tag))).hasRedirectedUrl("/login?wait=30");
	}

	private void makeMingWait() {
		for (int i = 0; i < 5; i++) {
			assertThat(formLogin("ming-" + tag, "wrong-" + i)).hasRedirectedUrl("/login?error");
		}
	}

	private String unlock(String who) {
		return "/schools/%s/classes/%s/people/%s/unlock".formatted(school, class52, id(who + tag));
	}

	private String classPage(String username, String language) {
		var page = mvc.get().uri("/schools/{s}/classes/{c}", school, class52).with(as(username))
			.header(ACCEPT_LANGUAGE, language).exchange();
		assertThat(page).hasStatusOk();
		return new String(page.getResponse().getContentAsByteArray(), UTF_8);
	}

	private MvcTestResult formLogin(String username, String password) {
		return mvc.post().uri("/login").with(from(address)).param("username", username).param("password", password)
			.with(csrf()).exchange();
	}

	private MvcTestResult token(String username, String password) {
		return mvc.post().uri("/api/v1/auth/token").with(from(address)).contentType(APPLICATION_JSON)
			.content("{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password)).exchange();
	}

	private PersonId id(String username) {
		return people.findByUsername(username).orElseThrow().id();
	}

	private RequestPostProcessor as(String username) {
		var person = people.findByUsername(username.endsWith("-") ? username + tag : username).orElseThrow();
		var user = new CloudroomUser(person.id(), person.schoolId(), person.username(), person.role());
		var authentication = authentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority()))));
		return request -> csrf().postProcessRequest(authentication.postProcessRequest(request));
	}
}
