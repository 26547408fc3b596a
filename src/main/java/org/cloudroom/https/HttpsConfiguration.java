package org.cloudroom.https;

import java.nio.file.Path;
import java.util.LinkedHashSet;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the HTTPS connector next to HTTP, with the configured keystore or the server's own certificate, made or
 * renewed before the server listens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HttpsConfiguration {

	@Bean
	SecureAddress secureAddress(HttpsSettings settings, @Value("${cloudroom.data}") Path data) {
		if (!settings.enabled()) {
			return new SecureAddress(null, null);
		}
		var connector = new Connector(Http11NioProtocol.class.getName());
		connector.setPort(settings.port());
		connector.setScheme("https");
		connector.setSecure(true);
		var protocol = (Http11NioProtocol) connector.getProtocolHandler();
		protocol.setSSLEnabled(true);
		var ssl = new SSLHostConfig();
		var certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
		Path authority = null;
		if (settings.keystore() != null) {
			certificate.setCertificateKeystoreFile(settings.keystore().toAbsolutePath().toString());
			certificate.setCertificateKeystorePassword(settings.keystorePassword());
		}
		else {
			var names = new LinkedHashSet<>(SchoolCertificates.ownNames());
			names.addAll(settings.names());
			var own = new SchoolCertificates(data).ensure(names);
			certificate.setCertificateKeystoreFile(own.keystore().toAbsolutePath().toString());
			certificate.setCertificateKeystorePassword(own.password());
			certificate.setCertificateKeyAlias(SchoolCertificates.SERVER);
			authority = own.authority();
		}
		certificate.setCertificateKeystoreType("PKCS12");
		ssl.addCertificate(certificate);
		protocol.addSslHostConfig(ssl);
		return new SecureAddress(connector, authority);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpsConnector(SecureAddress address) {
		return factory -> address.connector().ifPresent(factory::addAdditionalConnectors);
	}
}
