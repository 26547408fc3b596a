package org.cloudroom.gateway;

import java.time.OffsetDateTime;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.SchoolId;

/** A person worked on their desktop during this minute (keys or pointer): one minute of active study time. */
public record ActiveMinuteRecorded(PersonId person, SchoolId school, OffsetDateTime minute) {
}
