package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import org.cloudroom.accounts.ImportResult;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
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

/** The drive through the JSON API, as two students and their school admin use it. */
@SpringBootTest
@AutoConfigureMockMvc
class DriveApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	Homes homes;

	@Autowired
	DriveSpace space;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	String schoolId;
	String admin;
	String ming;
	String hong;
	String mingId;
	String teacher;
	String classId;
	org.cloudroom.accounts.Credential adminLogin;

	@Autowired
	org.cloudroom.accounts.Classes classes;

	@BeforeEach
	void twoStudentsOfOneClass() throws IOException {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = program.open("Drive School " + tag, 10, "dadmin-" + tag, "Hong", "Lin");
		schoolId = opened.school().id().toString();
		admin = token(opened.admin().username(), opened.admin().initialPassword());
		adminLogin = opened.admin();
		ImportResult imported = peopleImport.importFile(opened.school().id(), new ByteArrayInputStream("""
				username,given_name,family_name,role,class,password
				ming-%1$s,小明,王,student,五年级二班,
				hong-%1$s,小红,李,student,五年级二班,
				zhou-%1$s,梅,周,teacher,五年级二班,
				""".formatted(tag).getBytes(UTF_8)), false);
		teacher = token(imported.people().get(2).username(), imported.people().get(2).initialPassword());
		classId = classes.findByName(opened.school().id(), "五年级二班").orElseThrow().id().toString();
		ming = token(imported.people().get(0).username(), imported.people().get(0).initialPassword());
		hong = token(imported.people().get(1).username(), imported.people().get(1).initialPassword());
		mingId = body(mvc.get().uri("/api/v1/me").header(AUTHORIZATION, bearer(ming)).exchange()).get("id").asString();
	}

	@Test
	void uploadsListsAndDownloadsAFileWithAChineseName() {
		var created = put(ming, "作业/我的作文.txt", "春天来了。");
		var replaced = put(ming, "作业/我的作文.txt", "春天来了，花开了。");

		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(created.getResponse().getHeader("Location"))
			.isEqualTo("/api/v1/drive/files/%E4%BD%9C%E4%B8%9A/%E6%88%91%E7%9A%84%E4%BD%9C%E6%96%87.txt");
		assertThat(replaced).hasStatusOk();
		var listed = body(get(ming, "/api/v1/drive/list?path=作业"));
		assertThat(listed.get(0).get("name").asString()).isEqualTo("我的作文.txt");
		assertThat(listed.get(0).get("size").asLong()).isEqualTo("春天来了，花开了。".getBytes(UTF_8).length);
		var download = get(ming, "/api/v1/drive/files/作业/我的作文.txt");
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo("春天来了，花开了。".getBytes(UTF_8));
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("filename*=UTF-8''%E6%88%91%E7%9A%84%E4%BD%9C%E6%96%87.txt");
	}

	@Test
	void aStudentNeverReachesAnotherStudentsFiles() {
		put(hong, "日记.txt", "秘密");

		assertThat(get(ming, "/api/v1/drive/files/日记.txt")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(text(get(ming, "/api/v1/drive/list"))).doesNotContain("日记");
		assertThat(get(ming, "/api/v1/drive/files/../" + mingId + "/日记.txt")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(get(ming, "/api/v1/schools/" + schoolId + "/storage")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.put().uri("/api/v1/schools/{s}/people/{p}/quota", schoolId, mingId)
			.header(AUTHORIZATION, bearer(hong)).contentType(APPLICATION_JSON).content("{\"quotaBytes\": 1}")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(text(get(hong, "/api/v1/drive/files/日记.txt"))).isEqualTo("秘密");
	}

	@Test
	void refusesNamesThatHideOrReorderTextAndStillHandlesThoseMadeOnTheDesktop() throws IOException {
		var upload = mvc.put().uri("/api/v1/drive/files/{name}", "report\u202Etxt.exe").header(AUTHORIZATION, bearer(ming))
			.header(ACCEPT_LANGUAGE, "zh-CN").content(new byte[] { 1 }).exchange();
		var folder = post(ming, "/api/v1/drive/folders", "{\"path\": \"作业\\u2066\"}");
		put(ming, "a.txt", "a");
		var rename = post(ming, "/api/v1/drive/move", "{\"from\": \"a.txt\", \"to\": \"a\\nb.txt\"}");
		var assignment = mvc.post().uri("/api/v1/classes/{id}/assignments", classId).header(AUTHORIZATION, bearer(teacher))
			.contentType(APPLICATION_JSON).content("{\"title\": \"诗\\u202E\", \"dueAt\": \"2099-01-01T00:00:00Z\"}")
			.exchange();

		assertThat(upload).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(upload).get("detail").asString())
			.isEqualTo("名称中不能有控制字符，也不能有会隐藏文字或改变文字方向的字符（例如从右到左覆盖符）：“report[U+202E]txt.exe”。");
		assertThat(folder).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(rename).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(assignment).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(text(get(ming, "/api/v1/drive/list"))).contains("a.txt").doesNotContain("作业");

		Files.writeString(homes.of(PersonId.of(mingId)).resolve("evil\u202Etxt.exe"), "made on the desktop");
		assertThat(body(get(ming, "/api/v1/drive/list")).findValuesAsString("name")).contains("evil\u202Etxt.exe");
		assertThat(post(ming, "/api/v1/drive/move", "{\"from\": \"evil\u202Etxt.exe\", \"to\": \"evil.exe\"}"))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(text(get(ming, "/api/v1/drive/files/evil.exe"))).isEqualTo("made on the desktop");
	}

	@Test
	void refusesTraversalWithATranslatedProblem() {
		var result = mvc.get().uri("/api/v1/drive/list?path={p}", "../..").header(AUTHORIZATION, bearer(ming))
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(APPLICATION_PROBLEM_JSON);
		assertThat(body(result).get("detail").asString()).isEqualTo("文件或文件夹不能叫这个名字：“..”。");
	}

	@Test
	void refusesAnUploadOverTheQuotaSetByTheSchoolAdminAndKeepsNothing() {
		var quota = mvc.put().uri("/api/v1/schools/{s}/people/{p}/quota", schoolId, mingId)
			.header(AUTHORIZATION, bearer(admin)).contentType(APPLICATION_JSON).content("{\"quotaBytes\": 10}")
			.exchange();
		assertThat(quota).hasStatusOk();

		var refused = mvc.put().uri("/api/v1/drive/files/big.txt").header(AUTHORIZATION, bearer(ming))
			.header(ACCEPT_LANGUAGE, "en").content("x".repeat(11).getBytes(UTF_8)).exchange();

		assertThat(refused).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(body(refused).get("detail").asString()).startsWith("There is not enough space in your drive");
		assertThat(get(ming, "/api/v1/drive/files/big.txt")).hasStatus(HttpStatus.NOT_FOUND);
		var usage = body(get(ming, "/api/v1/drive/usage"));
		assertThat(usage.get("usedBytes").asLong()).isZero();
		assertThat(usage.get("quotaBytes").asLong()).isEqualTo(10);
	}

	@Test
	void theSchoolAdminSeesUsePerPersonAndClass() {
		put(ming, "a.bin", "12345");
		put(hong, "b.bin", "123");

		var storage = body(get(admin, "/api/v1/schools/" + schoolId + "/storage"));

		var perPerson = new HashMap<String, Long>();
		storage.get("people").forEach(p -> perPerson.put(p.get("displayName").asString(), p.get("usedBytes").asLong()));
		assertThat(perPerson).containsEntry("王小明", 5L).containsEntry("李小红", 3L);
		assertThat(storage.get("classes").get(0).get("name").asString()).isEqualTo("五年级二班");
		assertThat(storage.get("classes").get(0).get("usedBytes").asLong()).isEqualTo(8);
	}

	@Test
	void anotherSchoolsAdminCannotSeeOrSetQuotas() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var other = program.open("Other School " + tag, 5, "oadmin-" + tag, "Li", "Wu");
		var otherAdmin = token(other.admin().username(), other.admin().initialPassword());

		assertThat(get(otherAdmin, "/api/v1/schools/" + schoolId + "/storage")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put().uri("/api/v1/schools/{s}/people/{p}/quota", other.school().id(), mingId)
			.header(AUTHORIZATION, bearer(otherAdmin)).contentType(APPLICATION_JSON).content("{\"quotaBytes\": 1}")
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(body(get(ming, "/api/v1/drive/usage")).get("quotaBytes").asLong()).isEqualTo(2L << 30);
	}

	@Test
	void deletesToTheTrashAndRestores() {
		put(ming, "照片/猫.jpg", "jpeg");

		var deleted = mvc.delete().uri("/api/v1/drive/files/照片").header(AUTHORIZATION, bearer(ming)).exchange();
		assertThat(deleted).hasStatusOk();
		assertThat(body(get(ming, "/api/v1/drive/list")).findValuesAsString("name")).containsExactly("Classes");
		var trash = body(get(ming, "/api/v1/drive/trash"));
		assertThat(trash.get(0).get("path").asString()).isEqualTo("照片");

		var restored = mvc.post().uri("/api/v1/drive/trash/{id}/restore", trash.get(0).get("id").asString())
			.header(AUTHORIZATION, bearer(ming)).exchange();

		assertThat(restored).hasStatusOk();
		assertThat(text(get(ming, "/api/v1/drive/files/照片/猫.jpg"))).isEqualTo("jpeg");
		assertThat(mvc.post().uri("/api/v1/drive/trash/{id}/restore", trash.get(0).get("id").asString())
			.header(AUTHORIZATION, bearer(hong)).exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void movesMakesFoldersAndZipsAFolder() throws IOException {
		assertThat(mvc.post().uri("/api/v1/drive/folders").header(AUTHORIZATION, bearer(ming))
			.contentType(APPLICATION_JSON).content("{\"path\": \"数学\"}").exchange()).hasStatus(HttpStatus.CREATED);
		put(ming, "草稿.txt", "1+1=2");
		assertThat(mvc.post().uri("/api/v1/drive/move").header(AUTHORIZATION, bearer(ming))
			.contentType(APPLICATION_JSON).content("{\"from\": \"草稿.txt\", \"to\": \"数学/答案.txt\"}").exchange())
			.hasStatus(HttpStatus.NO_CONTENT);

		var zip = get(ming, "/api/v1/drive/zip?path=数学");

		assertThat(zip).hasStatusOk();
		assertThat(zip.getResponse().getHeader("Content-Disposition")).contains("filename*=UTF-8''%E6%95%B0%E5%AD%A6.zip");
		var entries = new HashMap<String, String>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip.getResponse().getContentAsByteArray()))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), UTF_8));
			}
		}
		assertThat(entries).isEqualTo(Map.of("答案.txt", "1+1=2"));
	}

	@Test
	void myFilesAndTheTrashSpeakChinese() {
		put(ming, "作业/草稿.txt", "草稿");
		mvc.delete().uri("/api/v1/drive/files/作业/草稿.txt").header(AUTHORIZATION, bearer(ming)).exchange();

		var folder = mvc.get().uri("/drive?path=作业").header(AUTHORIZATION, bearer(ming))
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange();
		var trash = mvc.get().uri("/drive/trash").header(AUTHORIZATION, bearer(ming)).header(ACCEPT_LANGUAGE, "zh-CN")
			.exchange();

		assertThat(folder).hasStatusOk();
		assertThat(text(folder)).contains("我的文件", "这个文件夹是空的", "已用 6 B，共 2 GB");
		assertThat(trash).hasStatusOk();
		assertThat(text(trash)).contains("回收站", "作业/草稿.txt", "还原");
	}

	@Test
	void aTeacherHandsOutMaterialsAndCollectsHandInsThroughTheApi() throws IOException {
		var material = mvc.put().uri("/api/v1/classes/{c}/materials/讲义.txt", classId)
			.header(AUTHORIZATION, bearer(teacher)).content("静夜思".getBytes(UTF_8)).exchange();
		assertThat(material).hasStatus(HttpStatus.CREATED);
		assertThat(text(get(ming, "/api/v1/classes/" + classId + "/materials/讲义.txt"))).isEqualTo("静夜思");
		assertThat(mvc.put().uri("/api/v1/classes/{c}/materials/mine.txt", classId).header(AUTHORIZATION, bearer(ming))
			.content("x".getBytes(UTF_8)).exchange()).hasStatus(HttpStatus.FORBIDDEN);

		var opened = mvc.post().uri("/api/v1/classes/{c}/assignments", classId).header(AUTHORIZATION, bearer(teacher))
			.contentType(APPLICATION_JSON).content("{\"title\": \"作文\", \"dueAt\": \"%s\"}"
				.formatted(java.time.OffsetDateTime.now().plusDays(1))).exchange();
		assertThat(opened).hasStatus(HttpStatus.CREATED);
		var assignment = body(opened).get("id").asString();
		var mine = body(get(ming, "/api/v1/assignments/mine"));
		assertThat(mine.get(0).get("path").asString()).isEqualTo("Classes/五年级二班/Hand-in/作文");
		assertThat(put(ming, "Classes/五年级二班/Hand-in/作文/春天.txt", "春天来了。")).hasStatus(HttpStatus.CREATED);

		var handIns = body(get(teacher, "/api/v1/assignments/" + assignment + "/hand-ins"));
		var zip = get(teacher, "/api/v1/assignments/" + assignment + "/hand-ins.zip");
		var comment = mvc.put().uri("/api/v1/assignments/{a}/hand-ins/{p}/comment", assignment, mingId)
			.header(AUTHORIZATION, bearer(teacher)).contentType(APPLICATION_JSON).content("{\"comment\": \"很好\"}")
			.exchange();

		assertThat(handIns.findValuesAsString("files")).containsExactlyInAnyOrder("1", "0");
		assertThat(zip).hasStatusOk().hasContentType("application/zip");
		assertThat(comment).hasStatusOk();
		assertThat(body(get(ming, "/api/v1/assignments/mine")).get(0).get("comment").asString()).isEqualTo("很好");
		assertThat(get(ming, "/api/v1/assignments/" + assignment + "/hand-ins")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get(hong, "/api/v1/assignments/" + assignment + "/hand-ins.zip")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get(admin, "/api/v1/assignments/" + assignment + "/hand-ins")).hasStatusOk();
	}

	@Test
	void theStudentsHomePageSaysWhatIsDueWithAButtonIntoItsFolderNamedInTheirLanguage() {
		var essay = open("作文", java.time.OffsetDateTime.now().plusDays(3));
		open("日记", java.time.OffsetDateTime.now().plusDays(1));
		var closed = open("古诗", java.time.OffsetDateTime.now().plusDays(1));
		jdbc.sql("update drive_assignment set due_at = ? where id = ?")
			.params(java.time.OffsetDateTime.now().minusHours(1), UUID.fromString(closed)).update();

		var home = text(mvc.get().uri("/").header(AUTHORIZATION, bearer(ming)).header(ACCEPT_LANGUAGE, "zh-CN")
			.exchange());
		var english = text(mvc.get().uri("/").header(AUTHORIZATION, bearer(ming)).header(ACCEPT_LANGUAGE, "en")
			.exchange());

		assertThat(home).contains("要交的作业", "在我的电脑里：班级 › 五年级二班 › 作业 › 作文",
				"href=\"/drive?path=%E7%8F%AD%E7%BA%A7/%E4%BA%94%E5%B9%B4%E7%BA%A7%E4%BA%8C%E7%8F%AD/%E4%BD%9C%E4%B8%9A/%E4%BD%9C%E6%96%87\"");
		assertThat(home.indexOf("data-title=\"日记\"")).as("due soonest first")
			.isLessThan(home.indexOf("data-title=\"作文\"")).isPositive();
		assertThat(home.indexOf("data-title=\"古诗\"")).as("closed after the open ones")
			.isGreaterThan(home.indexOf("data-title=\"作文\""));
		assertThat(home.substring(home.indexOf("data-title=\"古诗\""))).contains("截止，不能再修改", "看看我交了什么");
		assertThat(english).contains("To hand in", "On my computer: Classes › 五年级二班 › Hand-in › 作文");
		assertThat(text(get(teacher, "/"))).doesNotContain("To hand in");
		assertThat(essay).isNotEmpty();
	}

	@Test
	void aClassFolderPathWithTheEnglishNamesOpensTheFolderNamedInTheReadersLanguage() {
		open("作文", java.time.OffsetDateTime.now().plusDays(1));
		put(ming, "Classes/五年级二班/Hand-in/作文/春天.txt", "春天来了。");

		var page = mvc.get().uri("/drive?path=Classes/五年级二班/Hand-in/作文").header(AUTHORIZATION, bearer(ming))
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange();
		var top = mvc.get().uri("/drive").header(AUTHORIZATION, bearer(ming)).header(ACCEPT_LANGUAGE, "zh-CN")
			.exchange();

		assertThat(page).hasStatus(HttpStatus.FOUND);
		assertThat(page.getResponse().getRedirectedUrl()).isEqualTo(
				"/drive?path=%E7%8F%AD%E7%BA%A7%2F%E4%BA%94%E5%B9%B4%E7%BA%A7%E4%BA%8C%E7%8F%AD%2F%E4%BD%9C%E4%B8%9A%2F%E4%BD%9C%E6%96%87");
		assertThat(text(top)).contains("data-name=\"班级\"").doesNotContain("data-name=\"Classes\"");
		assertThat(body(mvc.get().uri("/api/v1/drive/list?path=班级/五年级二班/作业/作文").header(AUTHORIZATION, bearer(ming))
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange()).get(0).get("path").asString())
			.isEqualTo("班级/五年级二班/作业/作文/春天.txt");
	}

	@Test
	void theTeachersCommentIsNewToTheStudentUntilTheyOpenTheFolder() {
		var assignment = open("作文", java.time.OffsetDateTime.now().plusDays(1));
		mvc.put().uri("/api/v1/assignments/{a}/hand-ins/{p}/comment", assignment, mingId)
			.header(AUTHORIZATION, bearer(teacher)).contentType(APPLICATION_JSON).content("{\"comment\": \"很好\"}")
			.exchange();

		var before = body(get(ming, "/api/v1/assignments/mine")).get(0);
		var folder = text(mvc.get().uri("/drive?path=Classes/五年级二班/Hand-in/作文").header(AUTHORIZATION, bearer(ming))
			.header(ACCEPT_LANGUAGE, "en").exchange());
		var after = body(get(ming, "/api/v1/assignments/mine")).get(0);

		assertThat(before.get("commentNew").asBoolean()).isTrue();
		assertThat(folder).contains("comment: 很好", "class=\"badge\"");
		assertThat(after.get("commentNew").asBoolean()).isFalse();
		assertThat(body(get(hong, "/api/v1/assignments/mine")).get(0).get("commentNew").asBoolean()).isFalse();
	}

	@Test
	void aFileSavedOnTheDesktopCountsOnTheDrivePageAtOnce() throws IOException {
		var person = PersonId.of(mingId);
		space.homeInUse(person);
		var before = body(get(ming, "/api/v1/drive/usage")).get("usedBytes").asLong();
		Files.write(homes.of(person).resolve("画图.png"), new byte[2048]);

		var page = text(mvc.get().uri("/drive").header(AUTHORIZATION, bearer(ming)).header(ACCEPT_LANGUAGE, "en")
			.exchange());

		assertThat(before).isZero();
		assertThat(page).contains("2 KB of 2 GB used");
		assertThat(body(get(ming, "/api/v1/drive/usage")).get("usedBytes").asLong()).isEqualTo(2048);
		space.homeReleased(person);
		Files.write(homes.of(person).resolve("last.txt"), new byte[1024]);
		assertThat(body(get(ming, "/api/v1/drive/usage")).get("usedBytes").asLong())
			.as("what was saved just before the desktop ended").isEqualTo(3072);
	}

	@Test
	void aChineseReaderSeesFilesInPinyinOrderAndLessonsInTheOrderOfTheirNumbers() {
		for (var name : new String[] { "作文.txt", "第10课.pdf", "阿里巴巴.txt", "第2课.pdf", "白雪.txt" }) {
			put(ming, name, "x");
		}
		post(ming, "/api/v1/drive/folders", "{\"path\": \"照片\"}");
		post(ming, "/api/v1/drive/folders", "{\"path\": \"画图\"}");

		var listed = body(mvc.get().uri("/api/v1/drive/list").header(AUTHORIZATION, bearer(ming))
			.header(ACCEPT_LANGUAGE, "zh-CN").exchange());

		assertThat(listed.findValuesAsString("name")).containsExactly("班级", "画图", "照片", "阿里巴巴.txt", "白雪.txt",
				"第2课.pdf", "第10课.pdf", "作文.txt");
	}

	@Test
	void aSchoolAdminSeesWhatEachClassAndPersonKeepsAndSetsAQuota() {
		put(ming, "照片.jpg", "x".repeat(2048));
		var session = mvc.post().uri("/login")
			.param("username", adminLogin.username()).param("password", adminLogin.initialPassword())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.exchange().getResponse().getCookie("SESSION");

		var page = mvc.get().uri("/schools/{s}/storage", schoolId).cookie(session).exchange();
		var saved = mvc.post().uri("/schools/{s}/people/{p}/quota", schoolId, mingId).param("quotaMegabytes", "5")
			.cookie(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.exchange();

		assertThat(page).hasStatusOk();
		assertThat(text(page)).contains("五年级二班", "2 KB of 2 GB used");
		assertThat(saved).hasStatus(HttpStatus.FOUND);
		assertThat(body(get(ming, "/api/v1/drive/usage")).get("quotaBytes").asLong()).isEqualTo(5L * 1024 * 1024);
	}

	@Test
	void aSchoolsDefaultQuotaAppliesToEveryoneWithoutTheirOwn() {
		var defaults = mvc.put().uri("/api/v1/schools/{s}/storage/defaults", schoolId).header(AUTHORIZATION, bearer(admin))
			.contentType(APPLICATION_JSON).content("{\"studentQuotaBytes\": 1048576, \"teacherQuotaBytes\": null}")
			.exchange();
		mvc.put().uri("/api/v1/schools/{s}/people/{p}/quota", schoolId, mingId).header(AUTHORIZATION, bearer(admin))
			.contentType(APPLICATION_JSON).content("{\"quotaBytes\": 3145728}").exchange();

		assertThat(defaults).hasStatusOk();
		assertThat(body(get(hong, "/api/v1/drive/usage")).get("quotaBytes").asLong()).isEqualTo(1048576);
		assertThat(body(get(ming, "/api/v1/drive/usage")).get("quotaBytes").asLong()).isEqualTo(3145728);
		assertThat(body(get(teacher, "/api/v1/drive/usage")).get("quotaBytes").asLong()).isEqualTo(10L << 30);
		assertThat(mvc.put().uri("/api/v1/schools/{s}/storage/defaults", schoolId).header(AUTHORIZATION, bearer(teacher))
			.contentType(APPLICATION_JSON).content("{\"studentQuotaBytes\": 1}").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.put().uri("/api/v1/schools/{s}/storage/defaults", schoolId).header(AUTHORIZATION, bearer(admin))
			.contentType(APPLICATION_JSON).content("{\"studentQuotaBytes\": -1}").exchange())
			.hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
	}

	private String open(String title, java.time.OffsetDateTime due) {
		var opened = post(teacher, "/api/v1/classes/" + classId + "/assignments",
				"{\"title\": \"%s\", \"dueAt\": \"%s\"}".formatted(title, due));
		assertThat(opened).hasStatus(HttpStatus.CREATED);
		return body(opened).get("id").asString();
	}

	private MvcTestResult put(String token, String path, String content) {
		return mvc.put().uri("/api/v1/drive/files/" + path).header(AUTHORIZATION, bearer(token))
			.content(content.getBytes(UTF_8)).exchange();
	}

	private MvcTestResult post(String token, String uri, String json) {
		return mvc.post().uri(uri).header(AUTHORIZATION, bearer(token)).contentType(APPLICATION_JSON).content(json)
			.exchange();
	}

	private MvcTestResult get(String token, String uri) {
		return mvc.get().uri(uri).header(AUTHORIZATION, bearer(token)).exchange();
	}

	private String token(String username, String password) {
		var result = mvc.post().uri("/api/v1/auth/token").contentType(APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", password))).exchange();
		assertThat(result).hasStatusOk();
		return body(result).get("token").asString();
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private static String text(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), UTF_8);
	}

	private JsonNode body(MvcTestResult result) {
		return json.readTree(text(result));
	}
}
