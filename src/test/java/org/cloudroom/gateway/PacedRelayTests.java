package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.Desktops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.BinaryMessage;
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
	private final UUID desktopId = UUID.randomUUID();
	private final ByteArrayOutputStream toBrowser = new ByteArrayOutputStream();
	private ServerSocketChannel desktopSocket;
	private Relay relay;

	@BeforeEach
	void standInDesktop() throws IOException {
		desktopSocket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
			.bind(UnixDomainSocketAddress.of(directory.resolve("vnc.sock")));
	}

	@AfterEach
	void close() throws IOException {
		if (relay != null) {
			relay.browserLeft();
		}
		desktopSocket.close();
		Files.deleteIfExists(directory.resolve("vnc.sock"));
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
		var desktops = mock(Desktops.class);
		when(desktops.connect(desktopId)).thenAnswer(call -> new Desktops.Connection(
				SocketChannel.open(desktopSocket.getLocalAddress()), null));
		var session = mock(WebSocketSession.class);
		when(session.isOpen()).thenReturn(true);
		doAnswer(call -> {
			var payload = call.getArgument(0, BinaryMessage.class).getPayload();
			synchronized (toBrowser) {
				while (payload.hasRemaining()) {
					toBrowser.write(payload.get());
				}
			}
			return null;
		}).when(session).sendMessage(any());
		var student = new CloudroomUser(PersonId.random(), school, "pupil", Role.STUDENT);
		relay = new Relay(session, desktopId, student, Mode.CONTROL, desktops, mock(StudyMeter.class), 1024, uplinks, encoding,
				() -> {
				});
		relay.start();
		var desktop = desktopSocket.accept();
		write(desktop, "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
		read(desktop, 12);
		write(desktop, bytes(1, 1));
		read(desktop, 1);
		write(desktop, bytes(0, 0, 0, 0));
		read(desktop, 1);
		write(desktop, concat(bytes(5, 0, 2, 208, 32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0, 0, 0, 0, 5),
				"pupil".getBytes(StandardCharsets.US_ASCII)));
		browserSends("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), bytes(1), bytes(1));
		await().atMost(Duration.ofSeconds(5)).until(() -> sentToBrowser() >= 12 + 2 + 4 + 24 + 5);
		synchronized (toBrowser) {
			toBrowser.reset();
		}
		return desktop;
	}

	private int sentToBrowser() {
		synchronized (toBrowser) {
			return toBrowser.size();
		}
	}

	private void browserSends(byte[]... messages) {
		for (var message : messages) {
			relay.fromBrowser(ByteBuffer.wrap(message));
		}
	}

	/** Up to n bytes: all of them on a blocking channel, what is there now on a non-blocking one. */
	private static byte[] read(SocketChannel channel, int n) throws IOException {
		var buffer = ByteBuffer.allocate(n);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer) <= 0 && !channel.isBlocking()) {
				break;
			}
		}
		return Arrays.copyOf(buffer.array(), buffer.position());
	}

	private static void write(SocketChannel channel, byte[] bytes) throws IOException {
		var buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

	private static byte[] bytes(int... values) {
		var bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		var out = new ByteArrayOutputStream();
		for (var part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}
}
