package org.cloudroom.drive;

import org.cloudroom.accounts.PersonId;

/** The home of a person whose desktop runs became full: programs on it cannot save any more. */
public record HomeFull(PersonId person, long usedBytes, long quotaBytes) {
}
