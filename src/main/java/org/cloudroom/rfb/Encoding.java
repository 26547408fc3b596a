package org.cloudroom.rfb;

import org.jspecify.annotations.Nullable;

/** The rectangle encodings the {@link RfbClient} asks for and decodes, most preferred first. */
public enum Encoding {
	ZRLE(16),
	COPY_RECT(1),
	RAW(0),
	/** The pseudo-encoding by which the desktop announces a new framebuffer size. */
	DESKTOP_SIZE(-223);

	private final int code;

	Encoding(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

	static @Nullable Encoding of(int code) {
		for (var encoding : values()) {
			if (encoding.code == code) {
				return encoding;
			}
		}
		return null;
	}
}
