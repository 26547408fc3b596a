package org.cloudroom.drive;

import java.io.IOException;

import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Component;

/**
 * The quota of a desktop's home. Before each desktop starts, the filesystem is asked to hold the person to their
 * quota from then on (Linux project quotas: a write past it fails in the desktop with "Disk quota exceeded"); where
 * it cannot, what is saved inside a desktop is counted only by measuring, so the home is measured afresh at each
 * start. Either way a desktop whose home is over its quota does not start until room is made.
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

	/**
	 * What the person keeps now, for a page or the usage API: a home a desktop may have changed since the last scan
	 * is measured afresh, so what was just saved on the desktop counts; any other is as counted.
	 */
	Drive.Space current(PersonId person, Role role) throws IOException {
		if (scan.changedSinceLastScan(person)) {
			drive.measure(person);
		}
		return drive.space(person, role);
	}

	/**
	 * Whether the person's drive is full (less room left than a hundredth of the quota, at most a megabyte): their
	 * desktop can hardly save anything more, and its page may say why with {@code drive.quota.home-full}, given the
	 * megabytes used and the quota. The same is {@code full} in {@code GET /api/v1/drive/usage}.
	 */
	public boolean isFull(PersonId person, Role role) throws IOException {
		return drive.space(person, role).full();
	}

	/**
	 * Has the filesystem hold the person to their quota from now on where it can (only while no desktop of theirs
	 * runs), then refuses, saying how much is used of how much, when they keep more than their quota.
	 */
	public void requireWithinQuota(PersonId person, Role role) throws IOException {
		drive.enforce(person, role);
		var used = drive.measure(person);
		var quota = quotas.of(person, role);
		if (used > quota) {
			throw new Refused(Status.INSUFFICIENT_STORAGE, "drive.quota.full-at-start",
					Math.ceilDiv(used, 1024 * 1024), Math.ceilDiv(quota, 1024 * 1024));
		}
	}
}
