package org.cloudroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every card's QR code is read back, also the few whose data looks like a fourth finder pattern. */
class CardQrCodesTests {

	// Card secrets found by drawing thousands of cards: QRCodeReader alone missed each of these every time.
	@ParameterizedTest
	@ValueSource(strings = { "cloudroom:o0ecYlDYMrTIkZjdpes1WA", "cloudroom:P6ylxWQk7HUUuzilnM6WQg",
			"cloudroom:p9EnG0_rqDfCHVtiuvir3w", "cloudroom:lo7MPRMEWnPuafFHeMqS7Q", "cloudroom:NQWC9Y82Ai0PPMoFaoujVw",
			"cloudroom:kHpqJPzS_HzxAfvX1LkJwQ", "cloudroom:t1EhiWqUzLjZ393Oko9o0w" })
	void readsCardsWhoseDataLooksLikeAFinderPattern(String text) {
		assertThat(QrCodes.read(QrCodes.png(text, 360))).contains(text);
	}
}
