package org.cloudroom.reporting;

/** Minutes as hours with one decimal, as the figures show them. */
final class Hours {

	private Hours() {
	}

	static double of(long minutes) {
		return Math.round(minutes / 6.0) / 10.0;
	}
}
