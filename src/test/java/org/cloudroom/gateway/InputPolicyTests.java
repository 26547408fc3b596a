package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.cloudroom.gateway.InputPolicy.Verdict;
import org.cloudroom.rfb.ClientMessageKind;
import org.junit.jupiter.api.Test;

/** What reaches a desktop from a browser, by the connection's mode, its lock and what the browser asked for. */
class InputPolicyTests {

	private static final ByteBuffer KEY = ByteBuffer.wrap(new byte[] { 4, 1, 0, 0, 0, 0, 0, 0x61 });
	private static final ByteBuffer SCREEN_SIZE = ByteBuffer.allocate(24);

	@Test
	void passesAndCountsTheInputOfAConnectionInControl() {
		var policy = new InputPolicy(Mode.CONTROL);

		assertThat(policy.verdict(ClientMessageKind.KEY_EVENT, KEY)).isEqualTo(Verdict.PASS_AS_ACTIVITY);
		assertThat(policy.verdict(ClientMessageKind.CLIENT_CUT_TEXT, KEY)).isEqualTo(Verdict.PASS);
		assertThat(policy.verdict(ClientMessageKind.FRAMEBUFFER_UPDATE_REQUEST, KEY)).isEqualTo(Verdict.PASS);
	}

	@Test
	void dropsTheInputOfAWatcherAndOfALockedOwner() {
		var watcher = new InputPolicy(Mode.VIEW);
		var owner = new InputPolicy(Mode.CONTROL);
		owner.lock(true);

		for (var policy : new InputPolicy[] { watcher, owner }) {
			assertThat(policy.verdict(ClientMessageKind.KEY_EVENT, KEY)).isEqualTo(Verdict.DROP);
			assertThat(policy.verdict(ClientMessageKind.POINTER_EVENT, KEY)).isEqualTo(Verdict.DROP);
			assertThat(policy.verdict(ClientMessageKind.FRAMEBUFFER_UPDATE_REQUEST, KEY)).isEqualTo(Verdict.PASS);
		}
		owner.lock(false);
		assertThat(owner.verdict(ClientMessageKind.KEY_EVENT, KEY)).isEqualTo(Verdict.PASS_AS_ACTIVITY);
	}

	@Test
	void passesAScreenSizeOnlyFromABrowserThatAskedForExtendedDesktopSize() {
		var policy = new InputPolicy(Mode.CONTROL);
		assertThat(policy.verdict(ClientMessageKind.SET_DESKTOP_SIZE, SCREEN_SIZE))
			.isEqualTo(Verdict.DROP_UNASKED_SCREEN_SIZE);

		policy.verdict(ClientMessageKind.SET_ENCODINGS, setEncodings(16, -308));
		assertThat(policy.verdict(ClientMessageKind.SET_DESKTOP_SIZE, SCREEN_SIZE)).isEqualTo(Verdict.PASS);

		policy.verdict(ClientMessageKind.SET_ENCODINGS, setEncodings(16));
		assertThat(policy.verdict(ClientMessageKind.SET_DESKTOP_SIZE, SCREEN_SIZE))
			.isEqualTo(Verdict.DROP_UNASKED_SCREEN_SIZE);
	}

	private static ByteBuffer setEncodings(int... encodings) {
		var message = ByteBuffer.allocate(4 + 4 * encodings.length).put((byte) 2).put((byte) 0)
			.putShort((short) encodings.length);
		for (int encoding : encodings) {
			message.putInt(encoding);
		}
		return message.flip();
	}
}
