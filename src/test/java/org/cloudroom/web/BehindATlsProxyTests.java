package org.cloudroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Behind a proxy on the same host that ends TLS (nginx, Caddy), the server sees the browser's https, host and
 * address in the proxy's X-Forwarded-* headers: cookies are Secure, HSTS is sent, redirects stay on https, and the
 * login throttle counts the browser's address, not the proxy's. Such headers from anywhere else are not believed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BehindATlsProxyTests {

	private static final String HOST = "cloudroom.school.example";

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPageAskedForOverHttpsThroughTheProxyRedirectsToTheHttpsLogin() throws Exception {
		var answer = send(viaProxy("/schools", "203.0.113.10").header("Accept", "text/html").GET());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValue("https://" + HOST + "/login");
		assertThat(answer.headers().firstValue("Strict-Transport-Security")).get().asString()
			.startsWith("max-age=");
	}

	@Test
	void theSessionCookieIsSecureOverHttpsThroughTheProxy() throws Exception {
		var secure = send(viaProxy("/login", "203.0.113.11").GET());
		var plain = send(direct("/login").GET());

		assertThat(secure.statusCode()).isEqualTo(200);
		assertThat(secure.headers().firstValue("Set-Cookie")).get().asString().startsWith("SESSION=")
			.containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
		assertThat(secure.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(plain.headers().firstValue("Set-Cookie")).get().asString().startsWith("SESSION=")
			.doesNotContainIgnoringCase("Secure");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void theThrottleCountsTheBrowsersAddressThatTheProxyForwards() throws Exception {
		var username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			assertThat(send(token(username, "203.0.113.12")).statusCode()).isEqualTo(401);
		}

		assertThat(send(token(username, "203.0.113.12")).statusCode()).isEqualTo(429);
		assertThat(send(token(username, "203.0.113.13")).statusCode()).isEqualTo(401);
	}

	@Test
	void believesForwardedHeadersOnlyFromAProxyOnTheServersOwnHost() {
		var valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();
		var proxies = Arrays.stream(valves).filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
			.findFirst().orElseThrow(() -> new AssertionError("Tomcat reads no X-Forwarded-* headers"));
		var trusted = Pattern.compile(proxies.getInternalProxies());

		assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
		assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
		assertThat(trusted.matcher("192.168.1.20").matches()).isFalse();
		assertThat(trusted.matcher("10.0.0.5").matches()).isFalse();
		assertThat(trusted.matcher("172.16.0.9").matches()).isFalse();
	}

	private HttpRequest token(String username, String browser) {
		return viaProxy("/api/v1/auth/token", browser).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\": \"%s\", \"password\": \"wrong\"}".formatted(username)))
			.build();
	}

	private HttpRequest.Builder viaProxy(String path, String browser) {
		return direct(path).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", HOST)
			.header("X-Forwarded-For", browser);
	}

	private HttpRequest.Builder direct(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}
}
