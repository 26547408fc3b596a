package org.cloudroom.https;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.connector.Connector;
import org.jspecify.annotations.Nullable;

/**
 * Where this server answers over HTTPS, for pages asked for over plain HTTP to point to: browsers allow the camera
 * only on a secure page. Also where the certificate authority's certificate is, for the room's computers to trust.
 */
public final class SecureAddress {

	private final @Nullable Connector connector;
	private final @Nullable Path authority;

	SecureAddress(@Nullable Connector connector, @Nullable Path authority) {
		this.connector = connector;
		this.authority = authority;
	}

	/** The HTTPS port, once the server listens; empty when HTTPS is off. */
	public Optional<Integer> port() {
		return connector == null || connector.getLocalPort() <= 0 ? Optional.empty()
				: Optional.of(connector.getLocalPort());
	}

	/** The same page over HTTPS, at the host the browser used, or empty if the request is secure already. */
	public Optional<String> of(HttpServletRequest request) {
		if (request.isSecure()) {
			return Optional.empty();
		}
		var host = request.getServerName().contains(":") ? "[" + request.getServerName() + "]" : request.getServerName();
		return port().map(port -> "https://" + host + (port == 443 ? "" : ":" + port) + request.getRequestURI());
	}

	Optional<Connector> connector() {
		return Optional.ofNullable(connector);
	}

	/** The certificate of the server's own authority; empty when HTTPS is off or uses a real certificate. */
	public Optional<Path> authority() {
		return Optional.ofNullable(authority);
	}
}
