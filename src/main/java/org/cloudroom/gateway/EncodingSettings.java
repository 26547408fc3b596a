package org.cloudroom.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway chooses each seat's JPEG quality, under {@code cloudroom.gateway.encoding} (issue #17,
 * docs/BENCHMARKS.md). A quality is {@code as-sent} (the browser's own), {@code lossless} (no JPEG) or 0..9.
 * Measured in Chromium (bench/uplink.sh): lossless costs a sixth of noVNC's quality 6 for typing past a window's
 * width but 9 times more for a small video, and scrolls at 3.5 frames a second; JPEG quality 2 halves the video.
 * 150 KB a second lies between lossless menus (at most 70 KB) and lossless scrolling (over 200 KB).
 *
 * @param calm the quality while the seat's screen is calm (text, menus, typing)
 * @param busy the quality while it is busy (scrolling, video): once a second brought more than {@code busyAbove}
 * @param busyAbove the bytes in one second that make a calm seat busy
 * @param calmBelow a busy seat is calm again after {@code settle} in which each second brought less than this; it
 * then asks once for its whole screen, lossless (Xvnc 1.12 refreshes nothing it sent as JPEG by itself)
 * @param settle how long a busy seat stays busy after its screen settled
 */
@ConfigurationProperties("cloudroom.gateway.encoding")
record EncodingSettings(@DefaultValue("lossless") String calm, @DefaultValue("2") String busy,
		@DefaultValue("150KB") DataSize busyAbove, @DefaultValue("30KB") DataSize calmBelow,
		@DefaultValue("1s") Duration settle) {

	static final EncodingSettings AS_SENT = new EncodingSettings("as-sent", "as-sent", DataSize.ofKilobytes(300),
			DataSize.ofKilobytes(30), Duration.ofSeconds(1));

	EncodingSettings {
		Quality.of(calm);
		Quality.of(busy);
		if (settle.toMillis() < 100 || calmBelow.compareTo(busyAbove) > 0) {
			throw new IllegalArgumentException(
					"cloudroom.gateway.encoding: settle must be at least 100ms and calm-below at most busy-above");
		}
	}

	/** Whether the quality follows the content; else it is one static choice. */
	boolean adaptive() {
		return !Quality.of(calm).equals(Quality.of(busy));
	}

	/** A JPEG quality level 0..9, or {@link #LOSSLESS} (no JPEG), or {@link #AS_SENT} (the browser's choice). */
	record Quality(int level) {

		static final Quality AS_SENT = new Quality(-2);
		static final Quality LOSSLESS = new Quality(-1);

		static Quality of(String setting) {
			return switch (setting) {
				case "as-sent" -> AS_SENT;
				case "lossless" -> LOSSLESS;
				default -> {
					if (!setting.matches("[0-9]")) {
						throw new IllegalArgumentException("cloudroom.gateway.encoding: a quality is as-sent, "
								+ "lossless or 0..9, not " + setting);
					}
					yield new Quality(Integer.parseInt(setting));
				}
			};
		}
	}
}
