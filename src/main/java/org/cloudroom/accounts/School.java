package org.cloudroom.accounts;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A school of the program, with how many accounts it may have and how many it has, and its uplink to the servers in
 * kbit/s that its open desktops share (null: not limited).
 */
public record School(SchoolId id, String name, int accountQuota, int accountsUsed, @Nullable Integer uplinkKbps) {

	public int accountsLeft() {
		return Math.max(0, accountQuota - accountsUsed);
	}

	/** The uplink in Mbit/s as a person writes it (2.5), empty when not limited. */
	public String uplinkMbps() {
		return uplinkKbps == null ? "" : BigDecimal.valueOf(uplinkKbps, 3).stripTrailingZeros().toPlainString();
	}
}
