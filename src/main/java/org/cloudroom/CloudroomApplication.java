package org.cloudroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Cloudroom: a cloud computer for every student and teacher of a school. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CloudroomApplication {

	private static final String WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	public static void main(String[] args) {
		// Tomcat writes WebSocket messages through an 8 KB buffer by default; a desktop sends megabytes a frame,
		// and a larger buffer lets the gateway keep up with it (docs/BENCHMARKS.md).
		if (System.getProperty(WEBSOCKET_BUFFER) == null) {
			System.setProperty(WEBSOCKET_BUFFER, Integer.toString(256 * 1024));
		}
		SpringApplication.run(CloudroomApplication.class, args);
	}
}
