package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** A browser's SetEncodings read from its bytes, changed, and written back. */
class SetEncodingsTests {

	@Test
	void readsTheEncodingsFromWhereTheMessageStartsAndWritesThemBackInOrder() {
		var bytes = ByteBuffer.allocate(3 + 4 + 12).put(new byte[3]).put((byte) 2).put((byte) 0).putShort((short) 3)
			.putInt(7).putInt(SetEncodings.CONTINUOUS_UPDATES).putInt(-26).flip().position(3);

		var asked = SetEncodings.of(bytes);

		assertThat(asked).isEqualTo(SetEncodings.of(7, -313, -26));
		assertThat(bytes.position()).as("not moved").isEqualTo(3);
		assertThat(asked.message()).isEqualTo(bytes);
		assertThat(asked.lists(SetEncodings.CONTINUOUS_UPDATES)).isTrue();
		assertThat(asked.lists(SetEncodings.EXTENDED_DESKTOP_SIZE)).isFalse();
	}

	@Test
	void takesEncodingsOutAndAddsOneLast() {
		var asked = SetEncodings.of(7, -313, -26, 0);

		assertThat(asked.without(encoding -> encoding < 0).with(-30)).isEqualTo(SetEncodings.of(7, 0, -30));
		assertThat(asked.without(encoding -> true).message().remaining()).isEqualTo(4);
	}
}
