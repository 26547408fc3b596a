package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.classroom.ClassSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.ObjectMapper;

/**
 * The teacher on the wall of a class of three, one of whom has My computer open: a message says it was sent and
 * how many it reached, and 下课 (End the session) asks before it ends the lesson.
 */
@BrowserTest
class TeacherEndsTheLessonAndMessagesTheClassBrowserTest {

	@RegisterExtension
	final Chromium teacherBrowser = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	Classes classes;

	@Autowired
	ClassSessions sessions;

	private ClassId classId;
	private Credential teacher;
	private Credential student;
	private InputStream studentTab;

	@BeforeEach
	void aClassOfThreeWithItsTeacherOnTheWall() throws Exception {
		var list = ClassList.of("四年级四班", 3);
		var school = OpenSchool.open(program, "Lotus Primary School", 10);
		var tag = java.util.UUID.randomUUID().toString().substring(0, 6);
		var csv = list.csv() + "zhou-" + tag + ",老师,周,teacher,四年级四班,\r\n";
		var imported = peopleImport.importFile(school.id(),
				new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), false);
		teacher = imported.people().getLast();
		student = imported.people().getFirst();
		classId = classes.findByName(school.id(), "四年级四班").orElseThrow().id();
		teacherBrowser.logIn(teacher.username(), teacher.initialPassword());
		teacherBrowser.open("/classes/" + classId + "/sessions");
		teacherBrowser.find("#start-session").click();
		teacherBrowser.await(d -> teacherBrowser.path().startsWith("/sessions/"));
		teacherBrowser.await(d -> d.findElements(By.cssSelector("#wall .tile")).size() == 3);
	}

	@AfterEach
	void closeTheStudentsTab() throws Exception {
		if (studentTab != null) {
			studentTab.close();
		}
	}

	@Test
	void aSentMessageSaysItWasSentAndHowManyStudentsHaveItOnTheirScreen() throws Exception {
		teacherBrowser.find("#message-text").sendKeys("请保存作业");
		teacherBrowser.find("#send-message").click();
		teacherBrowser.await(d -> d.findElement(By.id("wall-status")).isDisplayed());
		assertThat(teacherBrowser.find("#wall-status").getText()).contains("已发送").contains("没有打开");

		studentTab = openMyComputer(student);
		teacherBrowser.find("#message-text").sendKeys("请保存作业");
		teacherBrowser.find("#send-message").click();
		teacherBrowser.await(d -> d.findElement(By.id("wall-status")).getText().contains("3 名学生中有 1 名"));
		assertThat(teacherBrowser.find("#message-text").getDomProperty("value")).isEmpty();
	}

	@Test
	void endingTheLessonAsksFirstAndKeepTeachingLeavesItRunning() {
		teacherBrowser.find("#end-session").click();
		teacherBrowser.await(d -> d.findElement(By.id("end-ask")).isDisplayed());
		assertThat(teacherBrowser.find("#end-ask").getText()).contains("现在下课吗");
		teacherBrowser.find("#end-session-cancel").click();
		assertThat(teacherBrowser.find("#end-ask").isDisplayed()).isFalse();
		assertThat(teacherBrowser.path()).startsWith("/sessions/");
		assertThat(sessions.runningOf(classId)).isPresent();

		teacherBrowser.find("#end-session").click();
		teacherBrowser.find("#end-session-confirm").click();
		teacherBrowser.await(d -> teacherBrowser.path().equals("/classes/" + classId + "/sessions"));
		assertThat(sessions.runningOf(classId)).isEmpty();
	}

	/** The student's My computer tab, as far as the class is concerned: its live channel, open. */
	private InputStream openMyComputer(Credential who) throws Exception {
		var http = HttpClient.newHttpClient();
		var login = http.send(HttpRequest.newBuilder(URI.create(teacherBrowser.base() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
					Map.of("username", who.username(), "password", who.initialPassword()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		var token = new ObjectMapper().readTree(login.body()).get("token").asString();
		var live = http.send(HttpRequest.newBuilder(URI.create(teacherBrowser.base() + "/classroom/live"))
			.header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(live.statusCode()).isEqualTo(200);
		var body = live.body();
		body.read(new byte[64]); // the first state has come: the channel is open
		return body;
	}
}
