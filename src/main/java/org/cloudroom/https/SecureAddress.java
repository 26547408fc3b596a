package org.cloudroom.https;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this server answers over HTTPS, for pages asked for over plain HTTP to point to: browsers allow the camera
 * only on a secure page. Also where the certificate authority's certificate is, for the room's computers to trust.
 * The connector, with the configured keystore or the server's own certificate (made or renewed then), is built
 * when the web server asks for it, so a server without one makes no certificate.
 */
public final class SecureAddress {

	private static final Logger log = LoggerFactory.getLogger(SecureAddress.class);

	private final HttpsSettings settings;
	private final SchoolCertificates own;
	private @Nullable Connector connector;
	private boolean unavailable;

	SecureAddress(HttpsSettings settings, Path data, Clock clock) {
		this.settings = settings;
		this.own = new SchoolCertificates(data, clock);
	}

	/** The HTTPS port, once the server listens; empty when HTTPS is off. */
	public Optional<Integer> port() {
		var listening = connector;
		return listening == null || listening.getLocalPort() <= 0 ? Optional.empty()
				: Optional.of(listening.getLocalPort());
	}

	/** The same page over HTTPS, at the host the browser used, or empty if the request is secure already. */
	public Optional<String> of(HttpServletRequest request) {
		if (request.isSecure()) {
			return Optional.empty();
		}
		var host = request.getServerName().contains(":") ? "[" + request.getServerName() + "]" : request.getServerName();
		return port().map(port -> "https://" + host + (port == 443 ? "" : ":" + port) + request.getRequestURI());
	}

	/** The certificate of the server's own authority; empty when HTTPS is off or uses a real certificate. */
	public Optional<Path> authority() {
		return connector != null && settings.keystore() == null ? Optional.of(own.authority()) : Optional.empty();
	}

	/**
	 * The HTTPS connector, built once; empty when HTTPS is off, or when its port is taken or no certificate could be
	 * made: then the server still starts and serves HTTP, and says why HTTPS is missing (the camera login needs it).
	 */
	synchronized Optional<Connector> connector() {
		if (!settings.enabled() || unavailable) {
			return Optional.empty();
		}
		if (connector == null) {
			try {
				requireFree(settings.port());
				connector = build();
			}
			catch (IOException | UncheckedIOException e) {
				unavailable = true;
				log.warn("No HTTPS on port {}: {}. The server answers over HTTP only; set cloudroom.https.port "
						+ "(CLOUDROOM_HTTPS_PORT) to a free port, or cloudroom.https.enabled=false", settings.port(),
						e.getMessage());
				return Optional.empty();
			}
		}
		return Optional.of(connector);
	}

	/** Fails when another program listens on the port already (0: any free one). */
	private static void requireFree(int port) throws IOException {
		if (port == 0) {
			return;
		}
		try (var probe = new ServerSocket()) {
			probe.setReuseAddress(true);
			probe.bind(new InetSocketAddress(port));
		}
		catch (IOException e) {
			throw new IOException("port " + port + " is taken (" + e.getMessage() + ")", e);
		}
	}

	private Connector build() {
		var https = new Connector(Http11NioProtocol.class.getName());
		https.setPort(settings.port());
		https.setScheme("https");
		https.setSecure(true);
		var protocol = (Http11NioProtocol) https.getProtocolHandler();
		protocol.setSSLEnabled(true);
		var ssl = new SSLHostConfig();
		var certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
		if (settings.keystore() != null) {
			certificate.setCertificateKeystoreFile(settings.keystore().toAbsolutePath().toString());
			certificate.setCertificateKeystorePassword(settings.keystorePassword());
		}
		else {
			var names = new LinkedHashSet<>(SchoolCertificates.ownNames());
			names.addAll(settings.names());
			own.ensure(names);
			certificate.setCertificateKeystoreFile(own.keystore().toAbsolutePath().toString());
			certificate.setCertificateKeystorePassword(own.password());
			certificate.setCertificateKeyAlias(SchoolCertificates.SERVER);
		}
		certificate.setCertificateKeystoreType("PKCS12");
		ssl.addCertificate(certificate);
		protocol.addSslHostConfig(ssl);
		return https;
	}
}
