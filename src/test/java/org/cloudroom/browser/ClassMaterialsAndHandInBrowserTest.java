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
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.cloudroom.accounts.Credential;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.ObjectMapper;

/**
 * A teacher hands out a PDF to the class and opens an assignment; a student finds the PDF in their drive and hands
 * in their work; the teacher sees who handed in and downloads everything as one zip. On the way it takes the
 * README's pictures of the drive and of the hand-in overview.
 */
@BrowserTest
class ClassMaterialsAndHandInBrowserTest {

	/** A week from now on the schools' clock (cloudroom.time-zone, Beijing time), as a teacher there types it. */
	private static final LocalDateTime DUE = LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7)
		.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

	private static final Path PICTURES = Path.of(System.getProperty("cloudroom.screenshots", "target/screenshots/readme"));
	private static final String CLASS = "五年级二班";

	@RegisterExtension
	final Chromium browser = new Chromium();

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

	Credential teacher;
	Credential student;
	Path files;

	@BeforeEach
	void aClassWithItsTeacher() throws IOException {
		var school = OpenSchool.open(program, "Maple Primary School", 10);
		var list = ClassList.of(CLASS, 2);
		var csv = list.csv() + "t" + list.students().getFirst().username() + ",Mei,Zhou,teacher," + CLASS + ",\r\n";
		var people = peopleImport.importFile(school.id(), new ByteArrayInputStream(csv.getBytes(UTF_8)), false).people();
		student = people.getFirst();
		teacher = people.getLast();
		files = Files.createTempDirectory("class");
	}

	@Test
	void aTeacherHandsOutAPdfAndCollectsTheStudentsWork() throws Exception {
		var pdf = Files.write(files.resolve("第一课 静夜思.pdf"), pdf("Jing Ye Si"));
		var essay = Files.writeString(files.resolve("我的作文.txt"), "床前明月光，疑是地上霜。".repeat(40));

		browser.logIn(teacher.username(), teacher.initialPassword());
		browser.find("#classes a").click();
		browser.find("#class-materials").click();
		upload(pdf);
		browser.driver().navigate().back();
		browser.find("#class-hand-in").click();
		browser.find("#new-assignment input[name=title]").sendKeys("古诗作文");
		browser.driver().executeScript("arguments[0].value = arguments[1]",
				browser.find("#new-assignment input[name=due]"), DUE.toString());
		browser.find("#new-assignment button[type=submit]").click();
		browser.await(d -> browser.path().startsWith("/assignments/"));
		var assignmentPage = browser.path();
		browser.logOut();

		browser.logIn(student.username(), student.initialPassword());
		browser.find("#my-files").click();
		openFolder("Classes");
		openFolder(CLASS);
		openFolder("Materials");
		assertThat(browser.find("#files tr[data-name='第一课 静夜思.pdf'] .size").getDomAttribute("data-bytes"))
			.isEqualTo(Long.toString(Files.size(pdf)));
		assertThat(browser.driver().findElements(By.id("pick"))).as("students cannot change materials").isEmpty();
		browser.screenshot(PICTURES.resolve("drive-materials.png"));
		assertThat(download(student, "/api/v1/drive/files/" + path("Classes", CLASS, "Materials", "第一课 静夜思.pdf")))
			.isEqualTo(Files.readAllBytes(pdf));
		browser.find("#crumbs a:nth-of-type(3)").click();
		openFolder("Hand-in");
		openFolder("古诗作文");
		assertThat(browser.find("#hand-in").getText()).contains(DUE.toString().replace('T', ' '));
		upload(essay);
		var row = browser.find("#files tr[data-name='我的作文.txt']");
		assertThat(row.findElement(By.cssSelector(".size")).getDomAttribute("data-bytes"))
			.isEqualTo(Long.toString(Files.size(essay)));
		assertThat(download(student, "/api/v1/drive/files/" + path("Classes", CLASS, "Hand-in", "古诗作文", "我的作文.txt")))
			.isEqualTo(Files.readAllBytes(essay));
		browser.logOut();

		browser.logIn(teacher.username(), teacher.initialPassword());
		browser.open(assignmentPage);
		assertThat(browser.find("#handed-in-count").getText()).isEqualTo("1 of 2 handed in");
		browser.find("#hand-ins tr[data-username='" + student.username() + "'] input[name=comment]").sendKeys("写得很好！");
		browser.find("#hand-ins tr[data-username='" + student.username() + "'] button").click();
		browser.await(d -> browser.find(".notice.ok").isDisplayed());
		browser.screenshot(PICTURES.resolve("hand-in-overview.png"));
		var zip = unzip(download(teacher, browser.find("#download-all").getDomAttribute("href")));

		assertThat(zip).hasSize(1);
		var entry = zip.keySet().iterator().next();
		assertThat(entry).startsWith(student.displayName()).endsWith("(" + student.username() + ")/我的作文.txt");
		assertThat(zip.get(entry)).isEqualTo(Files.readAllBytes(essay));
	}

	private void upload(Path file) {
		var pick = browser.find("#pick");
		browser.driver().executeScript("arguments[0].hidden = false", pick);
		pick.sendKeys(file.toString());
		browser.await(d -> d.findElement(By.cssSelector("#files tr[data-name='" + file.getFileName() + "']")));
	}

	private void openFolder(String name) {
		browser.find("#files tr[data-name='" + name + "'] .name a").click();
		browser.await(d -> browser.find("#crumbs").getText().endsWith(name));
	}

	private byte[] download(Credential who, String uri) throws Exception {
		try (var http = HttpClient.newHttpClient()) {
			var login = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
						Map.of("username", who.username(), "password", who.initialPassword()))))
				.build(), HttpResponse.BodyHandlers.ofString());
			var token = json.readTree(login.body()).get("token").asString();
			var file = http.send(HttpRequest.newBuilder(URI.create(base() + uri))
				.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).isEqualTo(200);
			return file.body();
		}
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		var entries = new HashMap<String, byte[]>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip), UTF_8)) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!entry.isDirectory()) {
					entries.put(entry.getName(), in.readAllBytes());
				}
			}
		}
		return entries;
	}

	private static String path(String... names) {
		return String.join("/", List.of(names).stream().map(n -> URLEncoder.encode(n, UTF_8).replace("+", "%20")).toList());
	}

	/** A one-page PDF with a line of text, as small as a PDF gets. */
	private static byte[] pdf(String text) {
		var stream = "BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET";
		var objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
		var out = new StringBuilder("%PDF-1.4\n");
		var offsets = new java.util.ArrayList<Integer>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.length());
			out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		var xref = out.length();
		out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		offsets.forEach(o -> out.append("%010d 00000 n \n".formatted(o)));
		out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
			.append("\n%%EOF\n");
		return out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
