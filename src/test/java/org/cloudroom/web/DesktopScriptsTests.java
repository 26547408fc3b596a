package org.cloudroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * My computer's scripts reach a school over a thin uplink: one bundle named by its content, compressed, and kept by
 * the browser without asking again; the noVNC modules the teacher's wall imports compressed and revalidated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesktopScriptsTests {

	private static final Pattern MODULE = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Value("${cloudroom.accounts.admin-password}")
	String operatorPassword;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL).build();

	@Test
	void myComputerLoadsOneCompressedBundleNamedByItsContentAndKeptForAYear() throws Exception {
		logIn();
		var page = new String(get("/desktop", null, null).body(), StandardCharsets.UTF_8);
		var modules = MODULE.matcher(page).results().map(m -> m.group(1)).toList();

		assertThat(modules).hasSize(2).contains("/js/new-configuration.js");
		var bundle = modules.stream().filter(m -> !m.equals("/js/new-configuration.js")).findFirst().orElseThrow();
		assertThat(bundle).matches("/js/desktop\\.[0-9a-f]{16}\\.js");
		var compressed = get(bundle, "gzip", null);
		assertThat(compressed.statusCode()).isEqualTo(200);
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(compressed.headers().firstValue("Cache-Control").orElseThrow())
			.contains("max-age=31536000", "public", "immutable").doesNotContain("no-");
		byte[] script;
		try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
			script = unzipped.readAllBytes();
		}
		var sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script));
		assertThat(sha256).as("a changed bundle has a new name").startsWith(bundle.substring(12, 28));
		assertThat(new String(script, StandardCharsets.UTF_8)).as("noVNC is inside, nothing left to import")
			.contains("RFB").doesNotContainPattern("(?:\\bfrom|\\bimport)\\s*[\"'][./]");
	}

	@Test
	void noVncModulesForTheWallArriveCompressedAndAreRevalidatedNotFetchedAgain() throws Exception {
		var plain = get("/novnc/core/rfb.js", null, null);
		var compressed = get("/novnc/core/rfb.js", "gzip", null);

		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
			assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
		}
		assertThat(compressed.body().length).isLessThan(plain.body().length / 2);
		assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");

		var lastModified = plain.headers().firstValue("Last-Modified").orElseThrow();
		var again = get("/novnc/core/rfb.js", "gzip", lastModified);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void theLinkProbeOfMyComputerIsAnsweredWithoutASession() throws Exception {
		var probe = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/images/cloudroom.svg"))
			.method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

		assertThat(probe.statusCode()).isEqualTo(200);
		assertThat(probe.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void pagesAreNeitherCompressedNorKept() throws Exception {
		var login = get("/login", "gzip", null);

		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(login.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

	private void logIn() throws Exception {
		var form = new String(get("/login", null, null).body(), StandardCharsets.UTF_8);
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form).results().findFirst()
			.orElseThrow().group(1);
		var body = "username=admin&password=" + URLEncoder.encode(operatorPassword, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(answer.uri().getPath()).isNotEqualTo("/login");
	}

	private HttpResponse<byte[]> get(String path, String encoding, String modifiedSince) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (encoding != null) {
			request.header("Accept-Encoding", encoding);
		}
		if (modifiedSince != null) {
			request.header("If-Modified-Since", modifiedSince);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
