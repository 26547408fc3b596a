package org.cloudroom.drive;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Watches the homes running desktops write to, every few seconds: one that becomes full is told once
 * ({@link HomeFull}), so its person learns in their tab why programs cannot save, and again only after room was made
 * and it filled once more. Where the filesystem holds quotas, the figure is the kernel's, so this is seconds after
 * the write that failed.
 */
@Component
class FullHomes {

	private static final Logger log = LoggerFactory.getLogger(FullHomes.class);

	private final UsageScan scan;
	private final Drive drive;
	private final People people;
	private final ApplicationEventPublisher events;
	private final Set<PersonId> full = ConcurrentHashMap.newKeySet();

	FullHomes(UsageScan scan, Drive drive, People people, ApplicationEventPublisher events) {
		this.scan = scan;
		this.drive = drive;
		this.people = people;
		this.events = events;
	}

	void watch() {
		var inUse = scan.homesInUse();
		full.retainAll(inUse);
		for (var person : inUse) {
			var role = people.find(person).map(Person::role);
			if (role.isEmpty()) {
				continue;
			}
			try {
				var space = drive.space(person, role.get());
				if (!space.full()) {
					full.remove(person);
				}
				else if (full.add(person)) {
					events.publishEvent(new HomeFull(person, space.usedBytes(), space.quotaBytes()));
				}
			}
			catch (IOException | RuntimeException e) {
				log.warn("Could not look at how full the home of {} is: {}", person, e.toString());
			}
		}
	}
}
