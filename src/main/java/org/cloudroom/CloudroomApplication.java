package org.cloudroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Cloudroom: a cloud computer for every student and teacher of a school. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CloudroomApplication {

	public static void main(String[] args) {
		SpringApplication.run(CloudroomApplication.class, args);
	}
}
