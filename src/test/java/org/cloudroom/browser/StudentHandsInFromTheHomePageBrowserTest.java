package org.cloudroom.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.ObjectMapper;

/**
 * A ten-year-old hands in alone: the home page says what is due, its button opens the right folder, a draft is
 * moved there by opening folders in a dialog, and the teacher's comment greets them as new, once.
 */
@BrowserTest
class StudentHandsInFromTheHomePageBrowserTest {

	private static final String CLASS = "五年级二班";

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	Classes classes;

	@Autowired
	ObjectMapper json;

	Credential teacher;
	Credential student;
	String classId;
	Path files;

	@BeforeEach
	void aClassWithAnOpenAssignment() throws Exception {
		var school = OpenSchool.open(program, "Willow Primary School", 10);
		var list = ClassList.of(CLASS, 1);
		var csv = list.csv() + "t" + list.students().getFirst().username() + ",Mei,Zhou,teacher," + CLASS + ",\r\n";
		var people = peopleImport.importFile(school.id(), new ByteArrayInputStream(csv.getBytes(UTF_8)), false).people();
		student = people.getFirst();
		teacher = people.getLast();
		classId = classes.findByName(school.id(), CLASS).orElseThrow().id().toString();
		files = Files.createTempDirectory("hand-in");
	}

	@Test
	void aStudentHandsInFromTheHomePageAndSeesTheTeachersCommentAsNewOnce() throws Exception {
		var assignment = api(teacher, "POST", "/api/v1/classes/" + classId + "/assignments",
				Map.of("title", "古诗作文", "dueAt", OffsetDateTime.now().plusDays(2).toString()));
		var draft = Files.writeString(files.resolve("我的作文.txt"), "床前明月光，疑是地上霜。");

		browser.logIn(student.username(), student.initialPassword());
		var task = browser.find("#homework li[data-title='古诗作文']");
		assertThat(task.getText()).contains(CLASS, "截止", "在我的电脑里：班级 › " + CLASS + " › 作业 › 古诗作文");
		browser.find("#my-files").click();
		var pick = browser.find("#pick");
		browser.driver().executeScript("arguments[0].hidden = false", pick);
		pick.sendKeys(draft.toString());
		browser.await(d -> d.findElement(By.cssSelector("#files tr[data-name='我的作文.txt']")));
		browser.find("#files tr[data-name='我的作文.txt'] button[data-action=move]").click();
		assertThat(browser.find("#dialog-name-label").isDisplayed()).as("no path to type").isFalse();
		for (var folder : new String[] { "班级", CLASS, "作业", "古诗作文" }) {
			browser.await(d -> d.findElement(By.cssSelector("#picker-folders button[data-path$='" + folder + "']")))
				.click();
			browser.await(d -> browser.find("#picker-crumbs").getText().endsWith(folder));
		}
		browser.screenshot(Path.of("target/screenshots/drive-move-dialog.png"));
		browser.find("#dialog-ok").click();
		browser.await(d -> d.findElements(By.cssSelector("#files tr[data-name='我的作文.txt']")).isEmpty());

		browser.open("/");
		browser.find("#homework li[data-title='古诗作文'] a.hand-in").click();
		browser.await(d -> browser.find("#crumbs").getText().endsWith("古诗作文"));
		assertThat(browser.find("#crumbs").getText()).isEqualTo("我的文件 / 班级 / " + CLASS + " / 作业 / 古诗作文");
		assertThat(browser.find("#files tr[data-name='我的作文.txt']").isDisplayed()).isTrue();
		assertThat(browser.find("#hand-in").getText()).contains("截止后就不能再修改了");

		api(teacher, "PUT", "/api/v1/assignments/" + assignment + "/hand-ins/" + me(student) + "/comment",
				Map.of("comment", "写得很好！"));
		browser.open("/");
		assertThat(browser.find("#homework li[data-title='古诗作文'] .comment").getText())
			.isEqualTo("新 老师的评语：写得很好！");
		browser.screenshot(Path.of("target/screenshots/student-home-homework.png"));
		browser.open("/");
		assertThat(browser.find("#homework li[data-title='古诗作文'] .comment").getText())
			.isEqualTo("老师的评语：写得很好！");
	}

	private String me(Credential who) throws Exception {
		return json.readTree(send(who, "GET", "/api/v1/me", null)).get("id").asString();
	}

	/** Calls the API as the person; answers the id of what was made, if anything. */
	private String api(Credential who, String method, String uri, Object body) throws Exception {
		var answer = json.readTree(send(who, method, uri, body));
		return answer.has("id") ? answer.get("id").asString() : "";
	}

	private String send(Credential who, String method, String uri, Object body) throws IOException, InterruptedException {
		try (var http = HttpClient.newHttpClient()) {
			var login = http.send(HttpRequest.newBuilder(URI.create(browser.base() + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
						Map.of("username", who.username(), "password", who.initialPassword()))))
				.build(), HttpResponse.BodyHandlers.ofString());
			var token = json.readTree(login.body()).get("token").asString();
			var request = HttpRequest.newBuilder(URI.create(browser.base() + uri))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
			var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(method + " " + uri + ": " + answer.body()).isBetween(200, 299);
			return answer.body();
		}
	}
}
