package org.cloudroom.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Random;

import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.drive.spi.HomeStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.ObjectMapper;

/**
 * A student opens "My files", uploads a file (large enough to go in parts), finds it listed with its size, and it
 * comes back byte for byte.
 */
@BrowserTest
class StudentUploadsToDriveBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	@Autowired
	HomeStorage storage;

	@LocalServerPort
	int port;

	Credential student;

	@BeforeEach
	void aStudentOfAClass() throws IOException {
		var school = OpenSchool.open(program, "Maple Primary School", 10);
		var list = ClassList.of("四年级一班", 1);
		student = peopleImport.importFile(school.id(),
				new ByteArrayInputStream(list.csv().getBytes(UTF_8)), false).people().getFirst();
	}

	@Test
	void uploadsAFileThatIsListedWithItsSizeAndDownloadsByteForByte() throws Exception {
		var content = new byte[9 * 1024 * 1024 + 517];
		new Random(4).nextBytes(content);
		var file = Files.createTempDirectory("upload").resolve("我的照片.bin");
		Files.write(file, content);
		browser.logIn(student.username(), student.initialPassword());

		browser.find("#my-files").click();
		browser.await(d -> browser.path().equals("/drive"));
		var pick = browser.find("#pick");
		browser.driver().executeScript("arguments[0].hidden = false", pick);
		pick.sendKeys(file.toString());

		var row = browser.await(d -> d.findElement(By.cssSelector("#files tr[data-name='我的照片.bin']")));
		assertThat(row.findElement(By.cssSelector(".size")).getText()).isEqualTo("9.0 MB");
		assertThat(row.findElement(By.cssSelector(".size")).getDomAttribute("data-bytes"))
			.isEqualTo(Long.toString(content.length));
		assertThat(download("我的照片.bin")).isEqualTo(content);
	}

	@Test
	void leavingThePageWhileAnUploadRunsAsksFirstAndGivesUpWhatWasSent() throws Exception {
		var file = Files.createTempDirectory("upload").resolve("课堂录像.bin");
		Files.write(file, new byte[9 * 1024 * 1024]);
		browser.logIn(student.username(), student.initialPassword());
		browser.find("#my-files").click();
		browser.await(d -> browser.path().equals("/drive"));
		var slow = new ChromiumNetworkConditions();
		slow.setUploadThroughput(256 * 1024);
		browser.driver().setNetworkConditions(slow);
		var pick = browser.find("#pick");
		browser.driver().executeScript("arguments[0].hidden = false", pick);
		pick.sendKeys(file.toString());
		browser.await(d -> uploadsUnderWay() == 1);

		var asked = browser.driver().executeScript("""
				const leaving = new Event('beforeunload', { cancelable: true });
				window.dispatchEvent(leaving);
				return leaving.defaultPrevented;""");
		browser.open("/");

		assertThat(asked).as("the browser asks before leaving").isEqualTo(true);
		browser.await(d -> uploadsUnderWay() == 0);
		try (var scratch = Files.list(storage.scratch(person()))) {
			assertThat(scratch.map(Object::toString)).as("no part left to take room").noneMatch(f -> f.endsWith(".part"));
		}
	}

	@Test
	void makesAFolderAndRenamesInASmallDialogThatSaysWhyANameIsTaken() throws Exception {
		var draft = Files.createTempDirectory("upload").resolve("draft.txt");
		Files.writeString(draft, "spring");
		browser.logIn(student.username(), student.initialPassword());
		browser.find("#my-files").click();
		var pick = browser.find("#pick");
		browser.driver().executeScript("arguments[0].hidden = false", pick);
		pick.sendKeys(draft.toString());
		browser.await(d -> d.findElement(By.cssSelector("#files tr[data-name='draft.txt']")));

		browser.find("#new-folder").click();
		browser.find("#dialog-name").sendKeys("Poems");
		browser.find("#dialog-ok").click();
		browser.await(d -> d.findElement(By.cssSelector("#files tr[data-name='Poems']")));
		browser.find("#files tr[data-name='draft.txt'] button[data-action=rename]").click();
		var name = browser.find("#dialog-name");
		assertThat(name.getDomProperty("value")).isEqualTo("draft.txt");
		name.clear();
		name.sendKeys("Poems");
		browser.find("#dialog-ok").click();
		var refusal = browser.await(d -> browser.find("#dialog-error").isDisplayed() ? browser.find("#dialog-error") : null);

		assertThat(refusal.getText()).isEqualTo("There is already a file or folder named \"Poems\" here.");
		assertThat(browser.find("#dialog").isDisplayed()).as("the dialog stays, to pick another name").isTrue();
		name.clear();
		name.sendKeys("Spring.txt");
		browser.find("#dialog-ok").click();
		browser.await(d -> d.findElement(By.cssSelector("#files tr[data-name='Spring.txt']")));
		assertThat(browser.driver().findElements(By.cssSelector("#files tr[data-name='draft.txt']"))).isEmpty();
	}

	private int uploadsUnderWay() {
		return jdbc.sql("select count(*) from drive_upload where person_id = ?").param(person().value())
			.query(Integer.class).single();
	}

	private org.cloudroom.accounts.PersonId person() {
		return people.findByUsername(student.username()).orElseThrow().id();
	}

	private byte[] download(String name) throws Exception {
		try (var http = HttpClient.newHttpClient()) {
			var login = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
						java.util.Map.of("username", student.username(), "password", student.initialPassword()))))
				.build(), HttpResponse.BodyHandlers.ofString());
			var token = json.readTree(login.body()).get("token").asString();
			var file = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/drive/files/"
					+ URLEncoder.encode(name, UTF_8))).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).isEqualTo(200);
			return file.body();
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
