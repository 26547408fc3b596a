package org.cloudroom.drive;

import java.nio.file.Path;

import org.cloudroom.CloudroomSettings;
import org.cloudroom.accounts.PersonId;
import org.springframework.stereotype.Component;

/** Where each person's home lies: {@code <data>/homes/<person id>}, on local disk or a shared filesystem. */
@Component
public class Homes {

	private final Path root;

	Homes(CloudroomSettings settings) {
		this.root = settings.data().resolve("homes").toAbsolutePath().normalize();
	}

	/** The folder every home lies in. */
	public Path root() {
		return root;
	}

	public Path of(PersonId person) {
		return root.resolve(person.value().toString());
	}
}
