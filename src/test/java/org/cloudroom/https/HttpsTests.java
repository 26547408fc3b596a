package org.cloudroom.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * HTTPS out of the box: the server answers on its HTTPS port with a certificate its own authority signed for its
 * names and addresses, gives that authority's certificate to anyone who asks, and points plain HTTP login pages to
 * the secure address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cloudroom.https.names=cloud.example-school.cn")
class HttpsTests {

	@LocalServerPort
	int port;

	@Autowired
	SecureAddress secure;

	@Test
	void answersOverHttpsWithACertificateItsOwnAuthoritySignedForItsNamesAndAddresses() throws Exception {
		var authority = authority();
		var trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		trust.setCertificateEntry("school", authority);
		var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		var tls = SSLContext.getInstance("TLS");
		tls.init(null, trustManagers.getTrustManagers(), null);
		var client = HttpClient.newBuilder().sslContext(tls).build();

		var answer = client.send(HttpRequest.newBuilder(URI.create(
				"https://localhost:" + secure.port().orElseThrow() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).doesNotContain("id=\"use-secure\"");
		assertThat(answer.headers().firstValue("Strict-Transport-Security"))
			.as("no HSTS, which would hold for the HTTP port too").isEmpty();
		var chain = answer.sslSession().orElseThrow().getPeerCertificates();
		var server = (X509Certificate) chain[0];
		assertThat(server.getIssuerX500Principal()).isEqualTo(authority.getSubjectX500Principal());
		assertThat(server.getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
			.contains("localhost", "127.0.0.1", "cloud.example-school.cn")
			.containsAll(SchoolCertificates.ownNames().stream().filter(name -> name.matches("[0-9.]+")).toList());
		assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
	}

	@Test
	void givesTheAuthoritysCertificateToInstallOnTheRoomsComputers() throws Exception {
		var download = http("/cloudroom-ca.crt", HttpResponse.BodyHandlers.ofByteArray());

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/x-x509-ca-cert");
		var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(download.body()));
		assertThat(certificate.getBasicConstraints()).as("a certificate authority").isGreaterThanOrEqualTo(0);
		assertThat(certificate.getSubjectX500Principal().getName()).contains("Cloudroom");
	}

	@Test
	void theLoginPageOverHttpPointsToTheSecureAddressForTheCamera() throws Exception {
		var page = http("/login", HttpResponse.BodyHandlers.ofString()).body();

		assertThat(page).contains("id=\"use-secure\"",
				"href=\"https://localhost:" + secure.port().orElseThrow() + "/login\"",
				"use the secure address for the camera", "href=\"/cloudroom-ca.crt\"");
	}

	private X509Certificate authority() throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
				new ByteArrayInputStream(http("/cloudroom-ca.crt", HttpResponse.BodyHandlers.ofByteArray()).body()));
	}

	private <T> HttpResponse<T> http(String path, HttpResponse.BodyHandler<T> body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Language", "en").build(), body);
	}
}
