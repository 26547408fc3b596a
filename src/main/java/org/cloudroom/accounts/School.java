package org.cloudroom.accounts;

/** A school of the program, with how many accounts it may have and how many it has. */
public record School(SchoolId id, String name, int accountQuota, int accountsUsed) {

	public int accountsLeft() {
		return Math.max(0, accountQuota - accountsUsed);
	}
}
