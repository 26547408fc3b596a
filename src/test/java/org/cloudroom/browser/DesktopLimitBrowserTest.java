package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Program;
import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.desktops.StudentTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A student's desktop meets its process limit (a program of theirs forks without end): My computer tells them why a
 * program did not start, in their language, while the desktop goes on.
 */
@BrowserTest
@TestPropertySource(properties = "cloudroom.desktops.process-limit=100")
class DesktopLimitBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Desktops desktops;

	@Autowired
	JdbcClient jdbc;

	@Value("${cloudroom.data}")
	Path data;

	private Credential student;
	private PersonId person;

	@BeforeEach
	void aStudentOfAClass() throws Exception {
		var school = OpenSchool.open(program, "Bamboo Primary School", 10);
		var list = ClassList.of("limit", "五年级三班", 1);
		student = school.importing(peopleImport, list.csv()).getFirst();
		person = people.findByUsername(student.username()).orElseThrow().id();
	}

	@AfterEach
	void shutDownTheDesktop() {
		desktops.stop(person, DesktopStopped.Reason.OWNER);
	}

	@Test
	void aStudentWhoseDesktopRunsOutOfProcessesIsToldWhyInTheirTab() throws Exception {
		browser.logIn(student.username(), student.initialPassword());
		browser.find("#my-computer").click();
		new DesktopScreen(browser).awaitConnected();
		var desktop = desktops.mine(person).orElseThrow().id();
		var uid = jdbc.sql("select uid from desktop_account where person_id = ?").param(person.value())
			.query(Integer.class).single();
		var terminal = StudentTerminal.in(DesktopProcesses.of(data, desktop), uid, student.username());

		var forks = terminal.run("i=0; while [ $i -lt 300 ]; do sleep 30 & i=$((i + 1)); done 2>&1 | tail -1");

		assertThat(forks.output()).containsAnyOf("Cannot fork", "Resource temporarily unavailable");
		var notice = browser.await(d -> d.findElement(By.cssSelector("#limit-notice:not([hidden])")));
		assertThat(notice.getText()).contains("同时运行的程序已达上限");
		browser.screenshot("desktop-limit-zh-CN.png", true);
		notice.findElement(By.id("limit-notice-ok")).click();
		assertThat(browser.find("#desktop-status").getDomAttribute("data-state")).isEqualTo("connected");
	}
}
