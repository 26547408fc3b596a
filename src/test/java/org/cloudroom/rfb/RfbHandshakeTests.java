package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RfbHandshakeTests {

	@Test
	void offersBrowsersOnlySecurityNone() throws Exception {
		var browser = bytes("RFB 003.008\n", new byte[] { 1, 1 });
		var toBrowser = new ByteArrayOutputStream();
		RfbHandshake.acceptBrowser(new DataInputStream(new ByteArrayInputStream(browser)), toBrowser);
		assertThat(toBrowser.toByteArray()).isEqualTo(bytes("RFB 003.008\n", new byte[] { 1, 1, 0, 0, 0, 0 }));
	}

	@Test
	void refusesBrowsersThatAskForAnotherSecurityType() {
		var browser = bytes("RFB 003.008\n", new byte[] { 2 });
		var toBrowser = new ByteArrayOutputStream();
		assertThatThrownBy(() -> RfbHandshake.acceptBrowser(new DataInputStream(new ByteArrayInputStream(browser)),
				toBrowser)).isInstanceOf(RfbException.class);
		assertThat(toBrowser.toString(StandardCharsets.UTF_8)).contains("security type 2 is not offered");
	}

	@Test
	void refusesBrowsersSpeakingAnotherVersion() {
		var browser = bytes("RFB 003.003\n", new byte[0]);
		assertThatThrownBy(() -> RfbHandshake.acceptBrowser(new DataInputStream(new ByteArrayInputStream(browser)),
				new ByteArrayOutputStream())).isInstanceOf(RfbException.class).hasMessageContaining("RFB 003.003");
	}

	@Test
	void connectsToADesktopWithoutSecurityAndSharesIt() throws Exception {
		var desktop = bytes("RFB 003.008\n", new byte[] { 2, 2, 1 }, new byte[] { 0, 0, 0, 0 }, serverInit("cr-1"));
		var toDesktop = new ByteArrayOutputStream();
		var init = RfbHandshake.connectDesktop(new DataInputStream(new ByteArrayInputStream(desktop)), toDesktop, null);
		assertThat(toDesktop.toByteArray()).isEqualTo(bytes("RFB 003.008\n", new byte[] { 1, 1 }));
		assertThat(init.width()).isEqualTo(1280);
		assertThat(init.height()).isEqualTo(720);
		assertThat(init.name()).isEqualTo("cr-1");
		assertThat(init.bytes()).isEqualTo(serverInit("cr-1"));
	}

	@Test
	void answersVncAuthenticationWithTheDesktopSecret() throws Exception {
		var challenge = new byte[16];
		for (int i = 0; i < 16; i++) {
			challenge[i] = (byte) i;
		}
		var desktop = bytes("RFB 003.008\n", new byte[] { 1, 2 }, challenge, new byte[] { 0, 0, 0, 0 },
				serverInit("x"));
		var toDesktop = new ByteArrayOutputStream();
		RfbHandshake.connectDesktop(new DataInputStream(new ByteArrayInputStream(desktop)), toDesktop,
				"secret".getBytes(StandardCharsets.US_ASCII));
		var sent = toDesktop.toByteArray();
		assertThat(sent).hasSize(12 + 1 + 16 + 1);
		assertThat(sent[12]).isEqualTo((byte) 2);
		var response = java.util.Arrays.copyOfRange(sent, 13, 29);
		assertThat(response).isEqualTo(RfbHandshake.vncResponse("secret".getBytes(StandardCharsets.US_ASCII),
				challenge)).isNotEqualTo(challenge);
	}

	@Test
	void reportsTheDesktopsReasonForRefusing() {
		var reason = "Authentication failure".getBytes(StandardCharsets.UTF_8);
		var desktop = bytes("RFB 003.008\n", new byte[] { 1, 1 }, new byte[] { 0, 0, 0, 1 },
				ByteBuffer.allocate(4).putInt(reason.length).array(), reason);
		assertThatThrownBy(() -> RfbHandshake.connectDesktop(new DataInputStream(new ByteArrayInputStream(desktop)),
				new ByteArrayOutputStream(), null)).isInstanceOf(RfbException.class)
			.hasMessageContaining("Authentication failure");
	}

	@Test
	void refusesADesktopThatOffersOnlyAuthenticationWithoutASecret() {
		var desktop = bytes("RFB 003.008\n", new byte[] { 1, 2 });
		assertThatThrownBy(() -> RfbHandshake.connectDesktop(new DataInputStream(new ByteArrayInputStream(desktop)),
				new ByteArrayOutputStream(), null)).isInstanceOf(RfbException.class);
	}

	@Test
	void refusesAnAbsurdDesktopName() {
		var init = ByteBuffer.allocate(24).putShort((short) 800).putShort((short) 600).position(20)
			.putInt(Integer.MAX_VALUE).array();
		var desktop = bytes("RFB 003.008\n", new byte[] { 1, 1 }, new byte[] { 0, 0, 0, 0 }, init);
		assertThatThrownBy(() -> RfbHandshake.connectDesktop(new DataInputStream(new ByteArrayInputStream(desktop)),
				new ByteArrayOutputStream(), null)).isInstanceOf(RfbException.class);
	}

	static byte[] serverInit(String name) {
		var n = name.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(24 + n.length).putShort((short) 1280).putShort((short) 720)
			.put(new byte[] { 32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0 })
			.putInt(n.length).put(n).array();
	}

	private static byte[] bytes(Object... parts) {
		var out = new ByteArrayOutputStream();
		for (var part : parts) {
			out.writeBytes(part instanceof String s ? s.getBytes(StandardCharsets.US_ASCII) : (byte[]) part);
		}
		return out.toByteArray();
	}
}
