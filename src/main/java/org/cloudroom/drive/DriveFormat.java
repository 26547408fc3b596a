package org.cloudroom.drive;

import org.springframework.stereotype.Component;

/** Sizes as people read them, for the drive's pages: {@code 980 B}, {@code 1.4 MB}, {@code 2 GB}. */
@Component("driveFormat")
class DriveFormat {

	public String bytes(long bytes) {
		String[] units = { "B", "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		var number = unit == 0 || value >= 10 || value == Math.floor(value) ? "%.0f" : "%.1f";
		return String.format(java.util.Locale.ROOT, number, value) + " " + units[unit];
	}
}
