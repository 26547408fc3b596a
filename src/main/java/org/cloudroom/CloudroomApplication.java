package org.cloudroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cloudroom: a cloud computer for every student and teacher of a school. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CloudroomApplication {

	private static final String WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	public static void main(String[] args) {
		// Tomcat writes WebSocket messages through an 8 KB buffer by default; a desktop sends megabytes a frame,
		// and a larger buffer lets the gateway keep up with it (docs/BENCHMARKS.md).
		if (System.getProperty(WEBSOCKET_BUFFER) == null) {
			System.setProperty(WEBSOCKET_BUFFER, Integer.toString(256 * 1024));
		}
		// Students name files in Chinese; the JVM reads file names in the locale's encoding, which must be UTF-8.
		if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
			org.slf4j.LoggerFactory.getLogger(CloudroomApplication.class).warn("The server runs in a locale whose "
					+ "encoding is {}, not UTF-8: files with Chinese names cannot be read. Start it with LC_ALL=C.UTF-8 "
					+ "(./cloudroom does).", System.getProperty("sun.jnu.encoding"));
		}
		SpringApplication.run(CloudroomApplication.class, args);
	}
}
