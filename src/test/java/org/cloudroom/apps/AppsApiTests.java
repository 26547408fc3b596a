package org.cloudroom.apps;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.images.CraftedPng;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The apps through the JSON API, as the operator, a school admin, a teacher and a student use it. */
@SpringBootTest
@AutoConfigureMockMvc
class AppsApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	Classes classes;

	String operator;
	String school;
	String admin;
	String teacher;
	String student;
	String classId;
	String otherAdmin;

	@BeforeEach
	void aSchoolWithATeacherAndAStudent() throws IOException {
		operator = token("admin", "operator-test-password");
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = program.open("Api Apps School " + tag, 10, "apadm-" + tag, "Hong", "Lin");
		school = opened.school().id().toString();
		admin = token(opened.admin().username(), opened.admin().initialPassword());
		var people = peopleImport.importFile(opened.school().id(), new ByteArrayInputStream("""
				username,given_name,family_name,role,class,password
				apt-%1$s,老师,音乐,teacher,三年级一班,
				aps-%1$s,小明,王,student,三年级一班,
				""".formatted(tag).getBytes(UTF_8)), false).people();
		teacher = token(people.get(0).username(), people.get(0).initialPassword());
		student = token(people.get(1).username(), people.get(1).initialPassword());
		classId = classes.findByName(opened.school().id(), "三年级一班").orElseThrow().id().toString();
		var other = program.open("Api Other School " + tag, 10, "apoth-" + tag, "Li", "Wu");
		otherAdmin = token(other.admin().username(), other.admin().initialPassword());
	}

	@Test
	void theOperatorAllowsTheTeacherAddsAndTheStudentFindsTheApp() {
		var catalog = body(mvc.get().uri("/api/v1/apps").header(AUTHORIZATION, bearer(admin)).exchange());
		assertThat(catalog.findValues("id").stream().map(JsonNode::asString)).contains("org.xfce.mousepad", "mscore3");

		assertThat(put(operator, "/api/v1/schools/" + school + "/apps/org.xfce.mousepad", Map.of("allowed", true)))
			.hasStatusOk();
		assertThat(put(teacher, "/api/v1/classes/" + classId + "/apps/org.xfce.mousepad", Map.of("assigned", true)))
			.hasStatusOk();

		var mine = body(mvc.get().uri("/api/v1/apps/mine").header(AUTHORIZATION, bearer(student)).exchange());
		assertThat(mine.get("apps").get(0).get("id").asString()).isEqualTo("org.xfce.mousepad");
		assertThat(mine.get("newConfigurationReady").asBoolean()).isFalse();
	}

	@Test
	void theCatalogNamesItsCategoriesInThePersonsLanguage() {
		var chinese = body(mvc.get().uri("/api/v1/apps").header(AUTHORIZATION, bearer(admin))
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange());
		var english = body(mvc.get().uri("/api/v1/apps").header(AUTHORIZATION, bearer(admin))
			.header(ACCEPT_LANGUAGE, "en").exchange());

		assertThat(app(chinese, "mscore3").get("categoryNames").toString()).isEqualTo("[\"教育\"]");
		assertThat(app(english, "geany").get("categoryNames").toString()).isEqualTo("[\"Programming\"]");
		assertThat(app(english, "libreoffice-writer").get("categories").toString()).isEqualTo("[\"Office\"]");
	}

	@Test
	void theOperatorsCatalogPageNamesTheCategoriesInTheOperatorsLanguage() {
		var login = mvc.post().uri("/login").param("username", "admin").param("password", "operator-test-password")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.exchange();
		var session = login.getResponse().getCookie("SESSION");

		var page = new String(mvc.get().uri("/apps").cookie(session).header(ACCEPT_LANGUAGE, "zh-CN").exchange()
			.getResponse().getContentAsByteArray(), UTF_8);

		assertThat(page).contains("<span class=\"category\">教育</span>", "<span class=\"category\">编程</span>")
			.doesNotContain("Education, Music", "Development, IDE");
	}

	private static JsonNode app(JsonNode catalog, String id) {
		for (var app : catalog) {
			if (app.get("id").asString().equals(id)) {
				return app;
			}
		}
		throw new AssertionError("no " + id + " in the catalog");
	}

	@Test
	void refusalsAreClearAndTranslated() {
		var notAllowed = mvc.put().uri("/api/v1/classes/" + classId + "/apps/org.xfce.mousepad")
			.header(AUTHORIZATION, bearer(teacher)).header(ACCEPT_LANGUAGE, "zh-CN").contentType(APPLICATION_JSON)
			.content("{\"assigned\": true}").exchange();
		assertThat(notAllowed).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(body(notAllowed).get("detail").asString()).startsWith("本校不能提供 Mousepad");

		assertThat(put(admin, "/api/v1/schools/" + school + "/apps/org.xfce.mousepad", Map.of("allowed", true)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(put(otherAdmin, "/api/v1/classes/" + classId + "/apps/org.xfce.mousepad", Map.of("assigned", true)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(put(student, "/api/v1/classes/" + classId + "/apps/org.xfce.mousepad", Map.of("assigned", true)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/schools/" + school + "/apps").header(AUTHORIZATION, bearer(otherAdmin))
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/api/v1/apps/mscore3/installs").header(AUTHORIZATION, bearer(admin)).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aTeachersRequestIsDecidedByTheOperatorAndTheTeacherSeesTheDecision() {
		var created = mvc.post().uri("/api/v1/classes/" + classId + "/app-requests").header(AUTHORIZATION,
				bearer(teacher)).contentType(APPLICATION_JSON)
			.content("{\"appId\": \"lxterminal\", \"reason\": \"Typing practice\"}").exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		var id = body(created).get("id").asString();

		assertThat(mvc.post().uri("/api/v1/app-requests/" + id + "/decision").header(AUTHORIZATION, bearer(admin))
			.contentType(APPLICATION_JSON).content("{\"approve\": true}").exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/app-requests/" + id + "/decision").header(AUTHORIZATION, bearer(operator))
			.contentType(APPLICATION_JSON).content("{\"approve\": true, \"note\": \"Enjoy\"}").exchange())
			.hasStatusOk();

		var mine = body(mvc.get().uri("/api/v1/app-requests/mine").header(AUTHORIZATION, bearer(teacher)).exchange());
		assertThat(mine.get(0).get("state").asString()).isEqualTo("APPROVED");
		assertThat(mine.get(0).get("decisionNote").asString()).isEqualTo("Enjoy");
		var apps = body(mvc.get().uri("/api/v1/apps/mine").header(AUTHORIZATION, bearer(student)).exchange());
		assertThat(apps.get("apps").get(0).get("id").asString()).isEqualTo("lxterminal");
	}

	@Test
	void theSchoolsPageShowsARequestToDecideAndTheClassPageItsDecision() throws Exception {
		mvc.post().uri("/api/v1/classes/" + classId + "/app-requests").header(AUTHORIZATION, bearer(teacher))
			.contentType(APPLICATION_JSON).content("{\"appId\": \"org.xfce.mousepad\", \"reason\": \"歌词\"}")
			.exchange();

		var school = mvc.get().uri("/schools/" + this.school + "/apps").header(AUTHORIZATION, bearer(admin))
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange();
		assertThat(school).hasStatusOk();
		assertThat(school.getResponse().getContentAsString(UTF_8)).contains("歌词", "等待处理", "批准", "桌面配置");

		var page = mvc.get().uri("/classes/" + classId + "/apps").header(AUTHORIZATION, bearer(teacher))
			.header(ACCEPT_LANGUAGE, "en").exchange();
		assertThat(page).hasStatusOk();
		assertThat(page.getResponse().getContentAsString(UTF_8)).contains("waiting for a decision", "Mousepad");
		assertThat(mvc.get().uri("/classes/" + classId + "/apps").header(AUTHORIZATION, bearer(otherAdmin))
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	private MvcTestResult put(String token, String uri, Map<String, Object> body) {
		return mvc.put().uri(uri).header(AUTHORIZATION, bearer(token)).contentType(APPLICATION_JSON)
			.content(json.writeValueAsString(body)).exchange();
	}

	@Test
	void theSchoolAdminSetsTheWallpaperImageAndDefaultAppsAndBadInputChangesNothing() throws IOException {
		var profile = "/api/v1/schools/" + school + "/profile";
		var picture = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", picture);

		var withImage = mvc.put().uri(profile + "/wallpaper-image").header(AUTHORIZATION, bearer(admin))
			.contentType(org.springframework.http.MediaType.IMAGE_PNG).content(picture.toByteArray()).exchange();
		assertThat(withImage).hasStatusOk();
		assertThat(body(withImage).get("wallpaperImage").asString()).isNotBlank();
		var notAnImage = mvc.put().uri(profile + "/wallpaper-image").header(AUTHORIZATION, bearer(admin))
			.header(ACCEPT_LANGUAGE, "zh-CN").contentType(org.springframework.http.MediaType.IMAGE_JPEG)
			.content("not a picture".getBytes(UTF_8)).exchange();
		assertThat(notAnImage).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(notAnImage).get("detail").asString()).contains("PNG");
		assertThat(mvc.put().uri(profile + "/wallpaper-image").header(AUTHORIZATION, bearer(otherAdmin))
			.contentType(org.springframework.http.MediaType.IMAGE_PNG).content(picture.toByteArray()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put().uri(profile + "/wallpaper-image").header(AUTHORIZATION, bearer(teacher))
			.contentType(org.springframework.http.MediaType.IMAGE_PNG).content(picture.toByteArray()).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);

		var defaults = put(admin, profile + "/default-apps", Map.of("browser", "chromium", "editor", "vim"));
		assertThat(defaults).hasStatusOk();
		assertThat(body(defaults).get("defaultBrowser").asString()).isEqualTo("chromium");
		var badDefault = put(admin, profile + "/default-apps", Map.of("browser", "vim"));
		assertThat(badDefault).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		var removed = mvc.delete().uri(profile + "/wallpaper-image").header(AUTHORIZATION, bearer(admin)).exchange();
		assertThat(removed).hasStatusOk();

		var versions = body(mvc.get().uri(profile).header(AUTHORIZATION, bearer(admin)).exchange());
		assertThat(versions.findValues("version").stream().map(JsonNode::asInt)).containsExactlyInAnyOrder(1, 2, 3);
		var newest = versions.valueStream().filter(v -> v.get("version").asInt() == 3).findFirst().orElseThrow();
		assertThat(newest.get("wallpaperImage").asString()).isEmpty();
		assertThat(newest.get("defaultBrowser").asString()).isEqualTo("chromium");
		assertThat(newest.get("defaultEditor").asString()).isEqualTo("vim");
	}

	@Test
	void aWallpaperThatClaimsHugeDimensionsIsRefusedWithItsSizeInThePersonsLanguageAndChangesNothing() {
		var profile = "/api/v1/schools/" + school + "/profile";
		var versions = body(mvc.get().uri(profile).header(AUTHORIZATION, bearer(admin)).exchange());
		var huge = CraftedPng.withRows(20_000, 20_000, 4);

		var english = mvc.put().uri(profile + "/wallpaper-image").header(AUTHORIZATION, bearer(admin))
			.header(ACCEPT_LANGUAGE, "en").contentType(org.springframework.http.MediaType.IMAGE_PNG).content(huge)
			.exchange();
		var chinese = mvc.put().uri(profile + "/wallpaper-image").header(AUTHORIZATION, bearer(admin))
			.header(ACCEPT_LANGUAGE, "zh-CN").contentType(org.springframework.http.MediaType.IMAGE_PNG).content(huge)
			.exchange();

		assertThat(english).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(english).get("detail").asString()).isEqualTo(
				"This picture is 20000 × 20000 pixels; a wallpaper has at most 8000 pixels on each side and 40 million in all.");
		assertThat(chinese).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(chinese).get("detail").asString())
			.isEqualTo("这张图片有 20000 × 20000 像素；壁纸每边最多 8000 像素，总共最多 4000 万像素。");
		assertThat(body(mvc.get().uri(profile).header(AUTHORIZATION, bearer(admin)).exchange())).isEqualTo(versions);
	}

	private String token(String username, String password) {
		var answer = mvc.post().uri("/api/v1/auth/token").contentType(APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password))).exchange();
		return body(answer).get("token").asString();
	}

	private JsonNode body(MvcTestResult result) {
		return json.readTree(new String(result.getResponse().getContentAsByteArray(), UTF_8));
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}
}
