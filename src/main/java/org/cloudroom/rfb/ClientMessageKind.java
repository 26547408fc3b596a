package org.cloudroom.rfb;

import org.jspecify.annotations.Nullable;

/**
 * The client-to-server messages of RFB 3.8 (RFC 6143, section 7.5) and the extensions noVNC sends. {@code input}
 * marks what a person does to a desktop (keys, pointer, clipboard, screen size, power): the messages a view-only
 * or locked connection must never pass on.
 */
public enum ClientMessageKind {
	SET_PIXEL_FORMAT(0, false),
	SET_ENCODINGS(2, false),
	FRAMEBUFFER_UPDATE_REQUEST(3, false),
	KEY_EVENT(4, true),
	POINTER_EVENT(5, true),
	CLIENT_CUT_TEXT(6, true),
	ENABLE_CONTINUOUS_UPDATES(150, false),
	CLIENT_FENCE(248, false),
	XVP(250, true),
	SET_DESKTOP_SIZE(251, true),
	QEMU(255, true);

	private static final ClientMessageKind[] BY_TYPE = new ClientMessageKind[256];

	static {
		for (var kind : values()) {
			BY_TYPE[kind.type] = kind;
		}
	}

	private final int type;
	private final boolean input;

	ClientMessageKind(int type, boolean input) {
		this.type = type;
		this.input = input;
	}

	public int type() {
		return type;
	}

	public boolean input() {
		return input;
	}

	static @Nullable ClientMessageKind of(int type) {
		return BY_TYPE[type & 0xff];
	}
}
