package org.cloudroom.https;

import java.time.Clock;

import org.cloudroom.CloudroomSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adds the HTTPS connector next to HTTP (see {@link SecureAddress}). */
@Configuration(proxyBeanMethods = false)
class HttpsConfiguration {

	@Bean
	SecureAddress secureAddress(HttpsSettings settings, CloudroomSettings cloudroom, Clock clock) {
		return new SecureAddress(settings, cloudroom.data(), clock);
	}

	/** Only a servlet web server has connectors; the certificate is made (or checked) just before it listens. */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpsConnector(SecureAddress address) {
		return factory -> address.connector().ifPresent(factory::addAdditionalConnectors);
	}
}
