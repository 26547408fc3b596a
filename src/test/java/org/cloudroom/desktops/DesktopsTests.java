package org.cloudroom.desktops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cloudroom.desktops.DesktopProcesses.XVNC;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.cloudroom.TestSchools;
import org.cloudroom.TestSchools.Student;
import org.cloudroom.drive.Homes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The broker with real desktops of the local provider, through the API a browser uses. This server takes one
 * desktop at a time; it has a database and a data directory of its own, so no other test's desktops count.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desktops_tests;DB_CLOSE_DELAY=-1",
		"cloudroom.data=target/test-data/dt", "cloudroom.desktops.max-desktops=1",
		"cloudroom.desktops.session-wait=60s" })
@AutoConfigureMockMvc
class DesktopsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Desktops desktops;

	@Autowired
	DesktopRecords records;

	@Autowired
	Homes homes;

	@Value("${cloudroom.data}")
	Path data;

	private List<Student> students;

	@BeforeEach
	void openSchool() {
		students = new TestSchools(mvc, json).openWithStudents(2);
	}

	@AfterEach
	void stopEveryDesktop() {
		records.all().forEach(row -> desktops.stop(row.owner(), DesktopStopped.Reason.OWNER));
	}

	@Test
	void desktopStartingAloneStartsItsTaskbarAtOnce() {
		var desktop = id(body(start(students.getFirst()), HttpStatus.OK));

		await().atMost(Duration.ofSeconds(5))
			.until(() -> DesktopProcesses.named(DesktopProcesses.of(data, desktop), "icewm").isPresent());
	}

	@Test
	void startingAgainResumesTheRunningDesktop() {
		var student = students.getFirst();

		var first = body(start(student), HttpStatus.OK);
		var xvnc = DesktopProcesses.named(DesktopProcesses.of(data, id(first)), XVNC).orElseThrow();
		var again = body(start(student), HttpStatus.OK);

		assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(first.get("connectPath").asString()).isEqualTo("/gateway/desktops/" + id(first));
		assertThat(first.get("state").asString()).isEqualTo("disconnected");
		assertThat(body(mine(student), HttpStatus.OK).get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(DesktopProcesses.named(DesktopProcesses.of(data, id(first)), XVNC)).contains(xvnc);
		assertThat(DesktopProcesses.running(xvnc)).isTrue();
		assertThat(records.all()).hasSize(1);
	}

	@Test
	void desktopWhoseXvncDiedIsReportedStoppedAndStartsAfreshWithTheHomeIntact() throws Exception {
		var student = students.getFirst();
		var crashed = id(body(start(student), HttpStatus.OK));
		var essay = Files.writeString(homes.of(student.id()).resolve("essay.txt"), "我的家乡在江西。");
		var processes = DesktopProcesses.of(data, crashed);

		DesktopProcesses.named(processes, XVNC).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(5)).until(() -> processes.stream().noneMatch(DesktopProcesses::running));

		assertThat(mine(student)).hasStatus(HttpStatus.NOT_FOUND);
		var fresh = id(body(start(student), HttpStatus.OK));
		assertThat(fresh).isNotEqualTo(crashed);
		assertThat(DesktopProcesses.of(data, fresh)).anyMatch(p -> p.info().command().orElse("").endsWith(XVNC));
		assertThat(essay).hasContent("我的家乡在江西。");
		assertThat(data.resolve("desktops").resolve(crashed.toString())).doesNotExist();
		assertThat(records.all()).extracting(row -> row.running().id()).containsExactly(fresh);
	}

	@Test
	void fullServerRefusesTheNextPersonClearlyAndStartsNothing() throws Exception {
		var first = students.getFirst();
		var second = students.get(1);
		var running = id(body(start(first), HttpStatus.OK));
		var runDirectories = runDirectories();
		var sandboxes = sandboxesOfThisServer();

		var refusedInEnglish = start(second, "en");
		var refusedInChinese = start(second, "zh-CN");

		var problem = body(refusedInEnglish, HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(problem.get("code").asString()).isEqualTo("SERVER_FULL");
		assertThat(problem.get("detail").asString())
			.isEqualTo("The server is full: it runs its limit of 1 computers. Try again in a minute.");
		assertThat(body(refusedInChinese, HttpStatus.SERVICE_UNAVAILABLE).get("detail").asString())
			.isEqualTo("服务器已满：已经运行了上限 1 台电脑。请一分钟后再试。");
		assertThat(mine(second)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(records.all()).extracting(row -> row.running().id()).containsExactly(running);
		assertThat(runDirectories()).isEqualTo(runDirectories).hasSize(1);
		assertThat(sandboxesOfThisServer()).isEqualTo(sandboxes).hasSize(1);
		assertThat(homes.of(second.id())).doesNotExist();
	}

	private MvcTestResult start(Student student) {
		return start(student, "en");
	}

	private MvcTestResult start(Student student, String language) {
		return mvc.post().uri("/api/v1/desktops/mine").header(AUTHORIZATION, student.bearer())
			.header(ACCEPT_LANGUAGE, language).exchange();
	}

	private MvcTestResult mine(Student student) {
		return mvc.get().uri("/api/v1/desktops/mine").header(AUTHORIZATION, student.bearer()).exchange();
	}

	private List<Path> runDirectories() throws Exception {
		try (var entries = Files.list(data.resolve("desktops"))) {
			return entries.filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList();
		}
	}

	/** The bubblewrap sandboxes this server started: its children, as they are started with setsid's exec. */
	private static List<ProcessHandle> sandboxesOfThisServer() {
		return ProcessHandle.current().children().filter(DesktopProcesses::running)
			.filter(p -> p.info().command().orElse("").endsWith("/bwrap")).toList();
	}

	private JsonNode body(MvcTestResult result, HttpStatus expected) {
		assertThat(result).hasStatus(expected);
		return json.readTree(new String(result.getResponse().getContentAsByteArray(), UTF_8));
	}

	private static UUID id(JsonNode desktop) {
		return UUID.fromString(desktop.get("id").asString());
	}
}
