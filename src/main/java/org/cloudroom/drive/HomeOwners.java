package org.cloudroom.drive;

import java.util.OptionalInt;

import org.cloudroom.accounts.PersonId;

/**
 * Who a person's files belong to on the host: the uid their desktop runs under, given by the module that starts
 * desktops. The drive asks it (to hand files to their owner and to seal hand-ins) instead of reading that module's
 * tables.
 */
public interface HomeOwners {

	/** The person's uid, if they have had a desktop. */
	OptionalInt uid(PersonId person);
}
