package org.cloudroom.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS is an addition: when it cannot be had, the server still starts and serves HTTP. */
class SecureAddressTests {

	@TempDir
	Path data;

	@Test
	void aTakenPortLeavesTheServerWithoutHttpsRatherThanWithoutAStart() throws Exception {
		try (var other = new ServerSocket(0)) {
			var address = new SecureAddress(new HttpsSettings(true, other.getLocalPort(), List.of(), null, null), data, Clock.systemUTC());

			assertThat(address.connector()).isEmpty();
			assertThat(address.port()).isEmpty();
			assertThat(address.authority()).isEmpty();
		}
	}

	@Test
	void aCertificateThatCannotBeMadeLeavesTheServerWithoutHttps() throws Exception {
		var notAFolder = data.resolve("file");
		java.nio.file.Files.writeString(notAFolder, "not a folder");
		var address = new SecureAddress(new HttpsSettings(true, 0, List.of(), null, null), notAFolder, Clock.systemUTC());

		assertThat(address.connector()).isEmpty();
	}
}
