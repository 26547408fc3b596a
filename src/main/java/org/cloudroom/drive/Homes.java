package org.cloudroom.drive;

import java.nio.file.Path;

import org.cloudroom.accounts.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where each person's home lies: {@code <data>/homes/<person id>}, on local disk or a shared filesystem. */
@Component
public class Homes {

	private final Path root;

	Homes(@Value("${cloudroom.data}") Path data) {
		this.root = data.resolve("homes").toAbsolutePath().normalize();
	}

	/** The folder every home lies in. */
	public Path root() {
		return root;
	}

	public Path of(PersonId person) {
		return root.resolve(person.value().toString());
	}
}
