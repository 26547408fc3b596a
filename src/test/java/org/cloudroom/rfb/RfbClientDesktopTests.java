package org.cloudroom.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.cloudroom.desktops.local.LocalDesktopProvider;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against a real desktop of the local provider (TigerVNC's Xvnc with IceWM), as root: what it keeps is
 * the screen a person sees, and it arrives in ZRLE.
 */
class RfbClientDesktopTests {

	/** IceWM's desktop background in Cloudroom's desktop profile (desktop/icewm/preferences). */
	private static final int BACKGROUND = 0x2f7de1;

	private Path data;
	private LocalDesktopProvider provider;
	private RunningDesktop desktop;

	@BeforeEach
	void startDesktop() throws Exception {
		data = Files.createDirectories(Path.of("target", "test-data", "rfb-" + UUID.randomUUID().toString()
			.substring(0, 8)).toAbsolutePath());
		provider = new LocalDesktopProvider(data, Duration.ofSeconds(15));
		desktop = provider.start(new DesktopSpec(UUID.randomUUID(), "xu-fang", data.resolve("homes/xu-fang"), 262_001,
				Locale.SIMPLIFIED_CHINESE, 1024, 768));
	}

	@AfterEach
	void stopDesktop() throws IOException {
		provider.stop(desktop);
		try (var walk = Files.walk(data)) {
			for (var path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	@Test
	@Timeout(60)
	void keepsTheDesktopsScreenWithItsTaskbarSentInZrle() throws Exception {
		var channel = SocketChannel.open(StandardProtocolFamily.UNIX);
		channel.connect(UnixDomainSocketAddress.of(desktop.address()));
		try (var client = RfbClient.open(channel, null)) {
			var framebuffer = client.framebuffer();
			Set<Integer> taskbarColours = Set.of();
			for (int attempt = 0; attempt < 40 && taskbarColours.size() < 4; attempt++) {
				Thread.sleep(attempt == 0 ? 0 : 500);
				client.requestUpdate(false);
				while (!client.read()) {
					// not an update
				}
				taskbarColours = colours(framebuffer, framebuffer.height() - 20, framebuffer.height());
			}

			assertThat(framebuffer.width()).isEqualTo(1024);
			assertThat(framebuffer.height()).isEqualTo(768);
			assertThat(framebuffer.rgb(512, 300)).as("the background, in its exact colour").isEqualTo(BACKGROUND);
			assertThat(taskbarColours).as("the taskbar's colours").hasSizeGreaterThanOrEqualTo(4)
				.contains(framebuffer.rgb(2, framebuffer.height() - 10));
			assertThat(client.rectangles(Encoding.ZRLE)).isPositive();
			assertThat(client.rectangles(Encoding.RAW)).isZero();
			assertThat(client.bytesReceived()).as("compressed well below 3 MB of raw pixels a frame")
				.isLessThan(40L * 1024 * 768 * 4 / 10);
		}
	}

	private static Set<Integer> colours(Framebuffer framebuffer, int fromRow, int toRow) {
		var colours = new HashSet<Integer>();
		for (int y = fromRow; y < toRow; y++) {
			for (int x = 0; x < framebuffer.width(); x++) {
				colours.add(framebuffer.rgb(x, y));
			}
		}
		colours.remove(BACKGROUND);
		return colours;
	}
}
