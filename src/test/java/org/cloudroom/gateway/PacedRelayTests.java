package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cloudroom.gateway.StandInDesktop.bytes;
import static org.cloudroom.gateway.StandInDesktop.concat;
import static org.cloudroom.gateway.StandInDesktop.read;
import static org.cloudroom.gateway.StandInDesktop.write;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.WebSocketSession;

/**
 * A relay between a browser and a stand-in desktop, for a student of a school with a budget of 1000 bytes a second
 * on a clock the test moves: what of the browser's frame requests reaches the desktop, and when.
 */
@Timeout(10)
class PacedRelayTests {

	/** Raw, ContinuousUpdates (-313) and Fence (-312), as noVNC asks. */
	private static final byte[] SET_ENCODINGS = bytes(2, 0, 0, 3, 0, 0, 0, 0, 0xff, 0xff, 0xfe, 0xc7, 0xff, 0xff,
			0xfe, 0xc8);
	private static final byte[] WITHOUT_CONTINUOUS_UPDATES = bytes(2, 0, 0, 2, 0, 0, 0, 0, 0xff, 0xff, 0xfe, 0xc8);
	private static final byte[] ENABLE_CONTINUOUS_UPDATES = bytes(150, 1, 0, 0, 0, 0, 5, 0, 2, 208);
	private static final byte[] UPDATE_REQUEST = bytes(3, 1, 0, 0, 0, 0, 5, 0, 2, 208);
	private static final byte[] KEY_DOWN = bytes(4, 1, 0, 0, 0, 0, 0, 'a');
	private static final byte[] WHOLE_SCREEN = bytes(3, 0, 0, 0, 0, 0, 5, 0, 2, 208);
	private static final EncodingSettings ADAPTIVE = new EncodingSettings("lossless", "2", DataSize.ofKilobytes(300),
			DataSize.ofKilobytes(30), Duration.ofSeconds(1));

	@TempDir
	Path directory;

	private final AtomicLong nanos = new AtomicLong(1_000_000_000);
	private final SchoolId village = SchoolId.random();
	private final SchoolId town = SchoolId.random();
	private final Uplinks uplinks = new Uplinks(nanos::get,
			school -> school.equals(village) ? OptionalLong.of(1000) : OptionalLong.empty());
	private StandInDesktop standIn;
	private Relay relay;

	@BeforeEach
	void standInDesktop() throws IOException {
		standIn = new StandInDesktop(directory);
	}

	@AfterEach
	void close() throws IOException {
		if (relay != null) {
			relay.browserLeft();
		}
		standIn.close();
	}

	@Test
	void aSeatOfASchoolWithABudgetAsksForEachFrameItselfAndCannotTurnContinuousUpdatesOn() throws Exception {
		try (var desktop = connect(village)) {
			browserSends(SET_ENCODINGS, ENABLE_CONTINUOUS_UPDATES, KEY_DOWN, UPDATE_REQUEST);

			var expected = concat(WITHOUT_CONTINUOUS_UPDATES, KEY_DOWN, UPDATE_REQUEST);
			assertThat(read(desktop, expected.length)).isEqualTo(expected);
		}
	}

	@Test
	void aSeatOfASchoolWithoutABudgetKeepsContinuousUpdates() throws Exception {
		try (var desktop = connect(town)) {
			browserSends(SET_ENCODINGS, ENABLE_CONTINUOUS_UPDATES);

			var expected = concat(SET_ENCODINGS, ENABLE_CONTINUOUS_UPDATES);
			assertThat(read(desktop, expected.length)).isEqualTo(expected);
		}
	}

	@Test
	void aSeatThatOwesHasItsFrameRequestHeldWhileItsKeysPassUntilTheBudgetHasPaidForWhatItGot() throws Exception {
		try (var desktop = connect(village)) {
			browserSends(SET_ENCODINGS);
			read(desktop, WITHOUT_CONTINUOUS_UPDATES.length);
			write(desktop, new byte[5000]);
			await().atMost(Duration.ofSeconds(5)).until(() -> sentToBrowser() >= 5000);

			browserSends(UPDATE_REQUEST, UPDATE_REQUEST, KEY_DOWN);

			assertThat(read(desktop, KEY_DOWN.length)).as("the key, the requests held").isEqualTo(KEY_DOWN);
			nanos.addAndGet(4_000_000_000L);
			desktop.configureBlocking(false);
			assertThat(read(desktop, UPDATE_REQUEST.length)).as("4 of 5 seconds paid: still held").isEmpty();
			nanos.addAndGet(1_000_000_000L);
			desktop.configureBlocking(true);
			assertThat(read(desktop, UPDATE_REQUEST.length)).as("released").isEqualTo(UPDATE_REQUEST);
		}
	}

	@Test
	void theDesktopGetsTheBrowsersEncodingsWithTheCalmQualityThenTheBusyOneWhenTheScreenTurnsBusyAndBackOnceSettled()
			throws Exception {
		try (var desktop = connect(town, ADAPTIVE)) {
			browserSends(setEncodings(0, -26, -313));
			var calm = setEncodings(0, -313);
			assertThat(read(desktop, calm.length)).as("calm: no JPEG quality").isEqualTo(calm);

			write(desktop, new byte[400_000]);

			var busy = setEncodings(0, -313, -30);
			assertThat(read(desktop, busy.length)).as("busy: JPEG quality 2").isEqualTo(busy);
			nanos.addAndGet(2_000_000_000L);
			assertThat(read(desktop, calm.length)).as("settled: calm again").isEqualTo(calm);
		}
	}

	@Test
	void aSeatTurnedCalmAsksForItsWholeScreenOnceAndItsBytesDoNotStartALoop() throws Exception {
		try (var desktop = connect(town, ADAPTIVE)) {
			browserSends(setEncodings(0, -26), UPDATE_REQUEST);
			read(desktop, setEncodings(0).length + UPDATE_REQUEST.length);
			write(desktop, new byte[400_000]);
			read(desktop, setEncodings(0, -30).length);
			nanos.addAndGet(2_000_000_000L);

			var calm = setEncodings(0);
			assertThat(read(desktop, calm.length + WHOLE_SCREEN.length)).as("calm, then the whole screen")
				.isEqualTo(concat(calm, WHOLE_SCREEN));
			write(desktop, new byte[400_000]);
			await().atMost(Duration.ofSeconds(5)).until(() -> sentToBrowser() >= 800_000);
			nanos.addAndGet(3_000_000_000L);
			Thread.sleep(300);
			desktop.configureBlocking(false);
			assertThat(read(desktop, 1)).as("the refresh turned nothing busy: no new encodings, no refresh").isEmpty();
		}
	}

	@Test
	void theWholeScreenOfASeatThatOwesIsHeldLikeTheBrowsersOwnRequests() throws Exception {
		try (var desktop = connect(village, ADAPTIVE)) {
			browserSends(setEncodings(0, -26), UPDATE_REQUEST);
			read(desktop, setEncodings(0).length + UPDATE_REQUEST.length);
			write(desktop, new byte[400_000]);
			read(desktop, setEncodings(0, -30).length);
			nanos.addAndGet(2_000_000_000L);

			var calm = setEncodings(0);
			assertThat(read(desktop, calm.length)).isEqualTo(calm);
			desktop.configureBlocking(false);
			Thread.sleep(300);
			assertThat(read(desktop, 1)).as("398 s owed at 1000 bytes a second: held").isEmpty();
			nanos.addAndGet(400_000_000_000L);
			desktop.configureBlocking(true);
			assertThat(read(desktop, WHOLE_SCREEN.length)).as("paid: released").isEqualTo(WHOLE_SCREEN);
		}
	}

	private static byte[] setEncodings(int... encodings) {
		var buffer = ContentEncodingTests.setEncodings(encodings).message();
		return Arrays.copyOf(buffer.array(), buffer.remaining());
	}

	private SocketChannel connect(SchoolId school) throws Exception {
		return connect(school, EncodingSettings.AS_SENT);
	}

	/** Starts a relay for a student of the school and plays both handshakes; the desktop's side of the connection. */
	private SocketChannel connect(SchoolId school, EncodingSettings encoding) throws Exception {
		var student = new CloudroomUser(PersonId.random(), school, "pupil", Role.STUDENT);
		relay = new Relay(standIn.browser(mock(WebSocketSession.class)), standIn.id, student, Mode.CONTROL,
				standIn.desktops(), mock(StudyMeter.class), 1024, uplinks, encoding, () -> {
				});
		relay.start();
		var desktop = standIn.accept(relay);
		standIn.forgetSentToBrowser();
		return desktop;
	}

	private int sentToBrowser() {
		return standIn.sentToBrowser().length;
	}

	private void browserSends(byte[]... messages) {
		for (var message : messages) {
			relay.fromBrowser(ByteBuffer.wrap(message));
		}
	}
}
