package org.cloudroom.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat reads and writes each connection through 8 KB buffers by default, so a gigabyte crosses in a hundred
 * thousand steps; the drive's files and the desktops' frames move in 64 KB ones (docs/BENCHMARKS.md).
 */
@Configuration(proxyBeanMethods = false)
class SocketBuffers {

	static final String SIZE = Integer.toString(64 * 1024);

	@Bean
	TomcatConnectorCustomizer largerSocketBuffers() {
		return connector -> {
			connector.setProperty("socket.appReadBufSize", SIZE);
			connector.setProperty("socket.appWriteBufSize", SIZE);
		};
	}
}
