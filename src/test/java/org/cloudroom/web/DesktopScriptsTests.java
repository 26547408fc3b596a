package org.cloudroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The desktop page's scripts reach a school over a thin uplink: compressed when the browser asks, and revalidated
 * rather than fetched again at every open of My computer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesktopScriptsTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void noVncArrivesCompressedAndIsRevalidatedNotFetchedAgain() throws Exception {
		var plain = get("/novnc/core/rfb.js", null, null);
		var compressed = get("/novnc/core/rfb.js", "gzip", null);

		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (var unzipped = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body()))) {
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
	void pagesAreNeitherCompressedNorKept() throws Exception {
		var login = get("/login", "gzip", null);

		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(login.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
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
