package org.cloudroom.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserTest
class TeacherUnlocksAStudentBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	Classes classes;

	@Test
	void aStudentWhoForgotTheirPasswordIsUnlockedByTheirTeacherOnTheClassPage() throws IOException {
		var school = OpenSchool.open(program, "阳光小学", 20);
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var people = peopleImport.importFile(school.id(), new ByteArrayInputStream("""
				username,given_name,family_name,role,class
				li-%1$s,老师,李,teacher,四年级一班
				ming-%1$s,小明,王,student,四年级一班
				""".formatted(tag).getBytes(UTF_8)), false).people();
		Credential teacher = people.getFirst();
		Credential ming = people.get(1);
		for (int i = 0; i < 5; i++) {
			assertThat(refusedLogin(ming.username(), "wrong-" + i)).isEqualTo("用户名或密码不对。");
		}
		assertThat(refusedLogin(ming.username(), ming.initialPassword())).startsWith("登录失败次数太多");

		browser.logIn(teacher.username(), teacher.initialPassword());
		browser.open("/schools/" + school.id() + "/classes/" + classes.findByName(school.id(), "四年级一班").orElseThrow().id());
		var waits = browser.find("#login-waits");
		assertThat(waits.getText()).contains("正在等待登录", "王小明", ming.username(), "5");
		browser.screenshot(Path.of("target/screenshots/teacher-unlocks-a-student.png"));
		waits.findElement(By.xpath(".//button[text()='解锁']")).click();

		assertThat(browser.await(d -> d.findElement(By.cssSelector(".notice.ok"))).getText())
			.isEqualTo("已解锁，现在可以马上登录。");
		assertThat(browser.driver().findElements(By.id("login-waits"))).isEmpty();
		browser.logOut();
		browser.logIn(ming.username(), ming.initialPassword());
		assertThat(browser.path()).isNotEqualTo("/login");
	}

	private String refusedLogin(String username, String password) {
		browser.open("/login");
		browser.find("input[name=username]").sendKeys(username);
		browser.find("input[name=password]").sendKeys(password);
		browser.find(".password-login button[type=submit]").click();
		return browser.await(d -> d.findElement(By.cssSelector("[role=alert]"))).getText();
	}
}
