package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes a browser sends, framing either yields frames that lie inside the buffer, waits for more, or
 * refuses with an {@link RfbException}: never another exception, never a read past the end. Runs on the seed
 * corpus in every build; {@code JAZZER_FUZZ=1 mvn test -Dtest=ClientMessageFramerFuzzTests} fuzzes for real.
 */
class ClientMessageFramerFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void framesOrRefusesAnyBytes(byte[] input) {
		var framer = new ClientMessageFramer(4096);
		var buffer = ByteBuffer.wrap(input).asReadOnlyBuffer();
		try {
			for (var frame = framer.next(buffer); frame != null; frame = framer.next(buffer)) {
				assertThat(frame.length()).isPositive().isLessThanOrEqualTo(buffer.remaining());
				buffer.position(buffer.position() + frame.length());
			}
		}
		catch (RfbException refused) {
			assertThat(refused.getMessage()).isNotBlank();
		}
	}
}
