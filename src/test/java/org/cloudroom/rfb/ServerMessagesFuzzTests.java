package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes a desktop sends, the client either applies them or refuses with an {@link RfbException} (or runs
 * out of bytes): never another exception, never a framebuffer beyond the limits. Runs on the seed corpus in every
 * build; {@code JAZZER_FUZZ=1 mvn test -Dtest=ServerMessagesFuzzTests} fuzzes for real.
 */
class ServerMessagesFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void appliesOrRefusesAnyBytes(byte[] input) throws Exception {
		var framebuffer = new Framebuffer(64, 48);
		var messages = new ServerMessages(new DataInputStream(new ByteArrayInputStream(input)), framebuffer,
				Screens.SMALL);
		try {
			while (true) {
				messages.read();
				assertThat((long) framebuffer.width() * framebuffer.height())
					.isLessThanOrEqualTo(Screens.SMALL.maxPixels());
			}
		}
		catch (EOFException ended) {
			assertThat(framebuffer.version()).isNotNegative();
		}
		catch (RfbException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
		finally {
			messages.close();
		}
	}
}
