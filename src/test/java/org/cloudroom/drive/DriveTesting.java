package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;

/** What the drive's tests share: the body of a small upload, and what a refusal must say. */
final class DriveTesting {

	private DriveTesting() {
	}

	static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(UTF_8));
	}

	static void assertRefused(ThrowingCallable call, Status status, String key) {
		var refused = catchThrowableOfType(Refused.class, call);
		assertThat(refused).as("refused with " + key).isNotNull();
		assertThat(refused.status()).isEqualTo(status);
		assertThat(refused.messageKey()).isEqualTo(key);
	}
}
