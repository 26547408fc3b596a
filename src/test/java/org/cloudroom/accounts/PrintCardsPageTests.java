package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.cloudroom.status.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The class page's card printing as the school's admin uses it, on a server with a public address set. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "cloudroom.accounts.public-address=https://cloud.example-school.cn/")
class PrintCardsPageTests {

	private static final LoginSource SCHOOL = LoginSource.of("192.0.2.7");

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

	@Autowired
	LoginCards cards;

	@Autowired
	PasswordLogin login;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);
	private Program.OpenedSchool opened;
	private Credential ming;
	private ClassId classId;

	@BeforeEach
	void aClass() throws IOException {
		opened = program.open("Card School " + tag, 10, "cadmin-" + tag, "Hong", "Lin");
		ming = peopleImport.importFile(opened.school().id(), new ByteArrayInputStream(
				"username,given_name,family_name,role,class\nming-%s,小明,王,student,一年级一班\n".formatted(tag)
					.getBytes(UTF_8)), false).people().getFirst();
		classId = classes.findByName(opened.school().id(), "一年级一班").orElseThrow().id();
	}

	@Test
	void cardsShowTheConfiguredLoginAddressAndKeepThePasswords() {
		var sheet = mvc.post().uri("/schools/{s}/classes/{c}/cards", opened.school().id(), classId).with(asAdmin())
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange();

		assertThat(sheet).hasStatusOk().bodyText().contains("登录网址", "https://cloud.example-school.cn<",
				"<code class=\"card-username\">ming-" + tag).doesNotContain("card-password\"");
		assertThat(login.check(ming.username(), ming.initialPassword(), SCHOOL).username()).isEqualTo(ming.username());
	}

	@Test
	void newPasswordsWithoutTheConfirmationAreRefusedAndChangeNothing() {
		var refused = mvc.post().uri("/schools/{s}/classes/{c}/cards", opened.school().id(), classId).with(asAdmin())
			.param("newPasswords", "true").exchange();

		assertThat(refused).hasRedirectedUrl("/schools/" + opened.school().id() + "/classes/" + classId);
		assertThat(((Refused) refused.getMvcResult().getFlashMap().get("refused")).messageKey())
			.isEqualTo("cards.confirm-new-passwords");
		assertThat(cards.validCards(opened.school().id(), classId)).as("no card issued").isEmpty();
		assertThat(login.check(ming.username(), ming.initialPassword(), SCHOOL).username()).isEqualTo(ming.username());
	}

	@Test
	void newPasswordsConfirmedArePrintedAndReplaceTheOldOnes() {
		var sheet = mvc.post().uri("/schools/{s}/classes/{c}/cards", opened.school().id(), classId).with(asAdmin())
			.param("newPasswords", "true").param("confirmed", "true").header(ACCEPT_LANGUAGE, "en").exchange();

		assertThat(sheet).hasStatusOk().bodyText().contains("the new ones are on the cards")
			.containsPattern("<code class=\"card-password\">[a-z2-9]{8}</code>");
		assertThatThrownBy(() -> login.check(ming.username(), ming.initialPassword(), SCHOOL))
			.as("the old password").isInstanceOf(BadCredentialsException.class);
	}

	private RequestPostProcessor asAdmin() {
		var person = people.findByUsername(opened.admin().username()).orElseThrow();
		var user = new CloudroomUser(person.id(), person.schoolId(), person.username(), person.role());
		var authentication = authentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority()))));
		return request -> csrf().postProcessRequest(authentication.postProcessRequest(request));
	}
}
