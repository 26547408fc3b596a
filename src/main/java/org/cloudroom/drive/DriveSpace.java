package org.cloudroom.drive;

import java.io.IOException;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Component;

/**
 * The quota at a desktop's start: files saved from inside a desktop are not counted as they are written, so the
 * home is measured afresh when the next desktop starts, and one over its quota does not start until room is made.
 */
@Component
public class DriveSpace {

	private final Drive drive;
	private final Quotas quotas;
	private final UsageScan scan;

	DriveSpace(Drive drive, Quotas quotas, UsageScan scan) {
		this.drive = drive;
		this.quotas = quotas;
		this.scan = scan;
	}

	/** A desktop writes to the person's home from now on: it is measured at every scan until released. */
	public void homeInUse(PersonId person) {
		scan.inUse(person);
	}

	/** The person's desktop ended: their home is measured once more at the next scan, then left alone. */
	public void homeReleased(PersonId person) {
		scan.released(person);
	}

	/** Refuses, saying how much is used of how much, when the person keeps more than their quota. */
	public void requireWithinQuota(PersonId person, Role role) throws IOException {
		var used = drive.measure(person);
		var quota = quotas.of(person, role);
		if (used > quota) {
			throw new Refused(Status.INSUFFICIENT_STORAGE, "drive.quota.full-at-start",
					Math.ceilDiv(used, 1024 * 1024), Math.ceilDiv(quota, 1024 * 1024));
		}
	}
}
