package org.cloudroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cloudroom.gateway.StandInDesktop.bytes;
import static org.cloudroom.gateway.StandInDesktop.concat;
import static org.cloudroom.gateway.StandInDesktop.read;
import static org.cloudroom.gateway.StandInDesktop.write;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.accounts.Role;
import org.cloudroom.accounts.SchoolId;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.desktops.Desktops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.socket.WebSocketSession;

/**
 * A relay between a browser and a stand-in desktop on a Unix socket, to see byte for byte what reaches the desktop
 * from a watching (view-only) connection, a locked one and a controlling one.
 */
@Timeout(10)
class DesktopGatewayViewModeTests {

	/** Raw and ExtendedDesktopSize (-308), which a client asks for before it may set the screen size. */
	private static final byte[] SET_ENCODINGS = bytes(2, 0, 0, 2, 0, 0, 0, 0, 0xff, 0xff, 0xfe, 0xcc);
	private static final byte[] UPDATE_REQUEST = bytes(3, 1, 0, 0, 0, 0, 5, 0, 2, 208);
	private static final byte[] KEY_DOWN = bytes(4, 1, 0, 0, 0, 0, 0, 'a');
	private static final byte[] POINTER_CLICK = bytes(5, 1, 0, 20, 2, 200);
	private static final byte[] CLIPBOARD = bytes(6, 0, 0, 0, 0, 0, 0, 2, 'h', 'i');
	private static final byte[] DESKTOP_SIZE = bytes(251, 0, 2, 0, 1, 128, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 1, 128,
			0, 0, 0, 0);

	/** A FramebufferUpdate with no rectangles: what a desktop sends to a watcher. */
	private static final byte[] EMPTY_UPDATE = bytes(0, 0, 0, 0);
	private static final Uplinks UNLIMITED = new Uplinks(System::nanoTime, school -> java.util.OptionalLong.empty());

	@TempDir
	Path directory;

	private final CloudroomUser teacher = new CloudroomUser(PersonId.random(), SchoolId.random(), "teacher-li",
			Role.TEACHER);
	private final StudyMeter meter = mock(StudyMeter.class);
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
	void watchingConnectionPassesNoInputOnAndCountsNoStudyTime() throws Exception {
		try (var desktop = connect(Mode.VIEW)) {
			browserSends(SET_ENCODINGS, UPDATE_REQUEST, KEY_DOWN, POINTER_CLICK, CLIPBOARD, DESKTOP_SIZE,
					UPDATE_REQUEST);

			assertThat(read(desktop, SET_ENCODINGS.length + 2 * UPDATE_REQUEST.length))
				.isEqualTo(concat(SET_ENCODINGS, UPDATE_REQUEST, UPDATE_REQUEST));
			write(desktop, EMPTY_UPDATE);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sentToBrowser())
				.startsWith("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)).endsWith(EMPTY_UPDATE));
		}
		verify(meter, never()).input(any(), any());
	}

	@Test
	void controllingConnectionPassesEveryMessageOnAndCountsKeysAndPointer() throws Exception {
		try (var desktop = connect(Mode.CONTROL)) {
			browserSends(SET_ENCODINGS, UPDATE_REQUEST, KEY_DOWN, POINTER_CLICK, CLIPBOARD, DESKTOP_SIZE,
					UPDATE_REQUEST);

			var all = concat(SET_ENCODINGS, UPDATE_REQUEST, KEY_DOWN, POINTER_CLICK, CLIPBOARD, DESKTOP_SIZE,
					UPDATE_REQUEST);
			assertThat(read(desktop, all.length)).isEqualTo(all);
		}
		verify(meter, times(2)).input(teacher.id(), teacher.school());
	}

	@Test
	void lockedConnectionDropsEveryInputMessageUntilUnlocked() throws Exception {
		try (var desktop = connect(Mode.CONTROL)) {
			relay.lock(true);
			browserSends(SET_ENCODINGS, UPDATE_REQUEST, KEY_DOWN, POINTER_CLICK, CLIPBOARD, DESKTOP_SIZE,
					UPDATE_REQUEST);

			assertThat(read(desktop, SET_ENCODINGS.length + 2 * UPDATE_REQUEST.length))
				.isEqualTo(concat(SET_ENCODINGS, UPDATE_REQUEST, UPDATE_REQUEST));
			relay.lock(false);
			browserSends(KEY_DOWN);
			assertThat(read(desktop, KEY_DOWN.length)).as("the first input after the unlock").isEqualTo(KEY_DOWN);
		}
		verify(meter, timeout(5000).times(1)).input(teacher.id(), teacher.school());
	}

	@Test
	void anOwnerWhoConnectsDuringALockComesBackLocked() throws Exception {
		var owner = teacher;
		var locked = new Supervision() {
			@Override
			public java.util.Optional<Mode> modeFor(CloudroomUser who, Desktop desktop) {
				return java.util.Optional.empty();
			}

			@Override
			public boolean locked(PersonId person) {
				return person.equals(owner.id());
			}
		};
		var connections = new GatewayConnections(Clock.systemUTC());
		var session = mock(WebSocketSession.class);
		when(session.getId()).thenReturn("s1");
		try (var desktop = connect(session, (desktops, websocket) -> {
			when(websocket.getAttributes()).thenReturn(new java.util.HashMap<>(java.util.Map.of(Admission.USER, owner,
					Admission.DESKTOP, new Desktop(standIn.id, owner.id(), owner.school(), OffsetDateTime.now(), 0,
							"/gateway/desktops/" + standIn.id),
					Admission.MODE, Mode.CONTROL, Admission.SLOT,
					connections.admit(owner.id(), standIn.id, 8, 60).orElseThrow())));
			new DesktopGateway(desktops, meter, 1024 * 1024, connections, locked, UNLIMITED, EncodingSettings.AS_SENT)
				.afterConnectionEstablished(websocket);
			relay = connections.get("s1").relay();
		})) {
			browserSends(KEY_DOWN, POINTER_CLICK, UPDATE_REQUEST);

			assertThat(read(desktop, UPDATE_REQUEST.length)).isEqualTo(UPDATE_REQUEST);
			connections.lock(owner.id(), false);
			browserSends(KEY_DOWN);
			assertThat(read(desktop, KEY_DOWN.length)).isEqualTo(KEY_DOWN);
		}
	}

	private SocketChannel connect(Mode mode) throws Exception {
		return connect(mock(WebSocketSession.class), (desktops, session) -> {
			relay = new Relay(session, standIn.id, teacher, mode, desktops, meter, 1024 * 1024, UNLIMITED, EncodingSettings.AS_SENT, () -> {
			});
			relay.start();
		});
	}

	/** Starts a relay as told and plays both handshakes; returns the desktop's side of the connection. */
	private SocketChannel connect(WebSocketSession session,
			java.util.function.BiConsumer<Desktops, WebSocketSession> start) throws Exception {
		start.accept(standIn.desktops(), standIn.browser(session));
		return standIn.accept(relay);
	}

	private byte[] sentToBrowser() {
		return standIn.sentToBrowser();
	}

	private void browserSends(byte[]... messages) {
		for (var message : messages) {
			relay.fromBrowser(ByteBuffer.wrap(message));
		}
	}
}
