package org.cloudroom.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.cloudroom.MovingClock;
import org.cloudroom.TestSchools;
import org.cloudroom.TestSchools.Student;
import org.cloudroom.desktops.DesktopStopped;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.rfb.RfbHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/**
 * Thumbnails of real desktops of the local provider. This server has a database and a data directory of its own;
 * its thumbnails refresh every 200 ms and stop being watched when nobody asked for them in the last two seconds.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:thumbnails_tests;DB_CLOSE_DELAY=-1",
		"cloudroom.data=target/test-data/th", "cloudroom.desktops.max-desktops=2" })
@AutoConfigureMockMvc
class ThumbnailsTests {

	/** IceWM's desktop background in Cloudroom's desktop profile. */
	private static final int BACKGROUND = 0x2f7de1;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Desktops desktops;

	private final MovingClock clock = new MovingClock();
	private Thumbnails thumbnails;
	private List<Student> students;

	@BeforeEach
	void openSchool() {
		students = new TestSchools(mvc, json).openWithStudents(2);
		thumbnails = new Thumbnails(desktops, Duration.ofMillis(200), Duration.ofSeconds(2), clock);
	}

	@AfterEach
	void stopEverything() {
		thumbnails.stopAll();
		students.forEach(student -> desktops.stop(student.id(), DesktopStopped.Reason.OWNER));
	}

	@Test
	void thumbnailIsASmallPictureOfTheRunningDesktopWithItsTaskbar() throws Exception {
		var student = students.getFirst();
		desktops.startOrResume(student.user(), Locale.SIMPLIFIED_CHINESE);

		var jpeg = await().atMost(Duration.ofSeconds(20)).until(() -> thumbnails.jpeg(student.id()).orElseThrow(),
				shown -> close(read(shown).getRGB(160, 60), BACKGROUND)
						&& !close(read(shown).getRGB(4, 176), BACKGROUND));

		var image = read(jpeg);
		assertThat(image.getWidth()).isEqualTo(320);
		assertThat(image.getHeight()).isEqualTo(180);
		assertThat(jpeg.length).isLessThan(30 * 1024);
	}

	@Test
	void personWithoutARunningDesktopHasNoThumbnail() {
		assertThat(thumbnails.jpeg(students.get(1).id())).isEmpty();
		assertThat(thumbnails.watching()).isZero();
	}

	@Test
	void unchangedScreenIsNotEncodedAgainAndAChangedOneIs() throws Exception {
		var student = students.getFirst();
		var desktop = desktops.startOrResume(student.user(), Locale.SIMPLIFIED_CHINESE);
		var first = await().atMost(Duration.ofSeconds(20)).until(() -> thumbnails.jpeg(student.id()).orElseThrow(),
				jpeg -> jpeg == thumbnails.jpeg(student.id()).orElseThrow());

		clickTheMenuButton(desktop.id());

		var changed = await().atMost(Duration.ofSeconds(10)).until(() -> thumbnails.jpeg(student.id()).orElseThrow(),
				jpeg -> jpeg != first);
		assertThat(changed).isNotEqualTo(first);
		assertThat(thumbnails.watching()).isOne();
	}

	@Test
	void watchingStopsWhenNobodyAsksOrTheDesktopIsGone() throws Exception {
		var first = students.getFirst();
		var second = students.get(1);
		desktops.startOrResume(first.user(), Locale.SIMPLIFIED_CHINESE);
		desktops.startOrResume(second.user(), Locale.SIMPLIFIED_CHINESE);
		assertThat(thumbnails.jpeg(first.id())).isPresent();
		assertThat(thumbnails.jpeg(second.id())).isPresent();
		assertThat(thumbnails.watching()).isEqualTo(2);

		desktops.stop(second.id(), DesktopStopped.Reason.OWNER);
		thumbnails.jpeg(first.id());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			thumbnails.stopIdle();
			assertThat(thumbnails.watching()).isOne();
		});
		assertThat(thumbnails.jpeg(second.id())).isEmpty();

		clock.pass(Duration.ofSeconds(3));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			thumbnails.stopIdle();
			assertThat(thumbnails.watching()).isZero();
		});
		assertThat(thumbnails.jpeg(first.id())).as("watched again when asked again").isPresent();
		thumbnails.stopWatching(first.id());
		assertThat(thumbnails.watching()).isZero();
	}

	@Test
	void aDesktopResizedByAnotherViewerStaysPictured() throws Exception {
		var student = students.getFirst();
		var desktop = desktops.startOrResume(student.user(), Locale.SIMPLIFIED_CHINESE);
		await().atMost(Duration.ofSeconds(20)).until(() -> thumbnails.jpeg(student.id()).orElseThrow(),
				shown -> close(read(shown).getRGB(160, 60), BACKGROUND));

		byte[] resized;
		try (var viewer = resize(desktop.id(), 1000, 600)) {
			resized = await().atMost(Duration.ofSeconds(20)).until(() -> thumbnails.jpeg(student.id()).orElseThrow(),
					shown -> read(shown).getHeight() == 192);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> thumbnails.jpeg(student.id()).orElseThrow(),
				shown -> close(read(shown).getRGB(160, 60), BACKGROUND));
		assertThat(read(resized).getWidth()).isEqualTo(320);
	}

	/**
	 * Another viewer, as a browser's noVNC does, asks the desktop to take the size of its window; it stays connected
	 * until closed.
	 */
	private ByteChannel resize(UUID desktop, int width, int height) throws IOException {
		var connection = desktops.connect(desktop);
		var channel = connection.channel();
		try {
			var out = Channels.newOutputStream(channel);
			RfbHandshake.connectDesktop(new DataInputStream(Channels.newInputStream(channel)), out,
					connection.vncPassword());
			out.write(ByteBuffer.allocate(12).put((byte) 2).put((byte) 0).putShort((short) 2).putInt(-308).putInt(-223)
				.array());
			out.write(ByteBuffer.allocate(24).put((byte) 251).put((byte) 0).putShort((short) width)
				.putShort((short) height).put((byte) 1).put((byte) 0).putInt(0).putShort((short) 0).putShort((short) 0)
				.putShort((short) width).putShort((short) height).putInt(0).array());
			out.flush();
			return channel;
		}
		catch (IOException e) {
			channel.close();
			throw e;
		}
	}

	/** Another viewer clicks IceWM's menu button at the bottom left, and the menu opens. */
	private void clickTheMenuButton(UUID desktop) throws IOException {
		var connection = desktops.connect(desktop);
		try (var channel = connection.channel()) {
			var out = Channels.newOutputStream(channel);
			var init = RfbHandshake.connectDesktop(new DataInputStream(Channels.newInputStream(channel)), out,
					connection.vncPassword());
			for (int buttons : new int[] { 0, 1, 0 }) {
				out.write(ByteBuffer.allocate(6).put((byte) 5).put((byte) buttons).putShort((short) 12)
					.putShort((short) (init.height() - 10)).array());
			}
			out.flush();
		}
	}

	private static boolean close(int argb, int rgb) {
		for (int shift = 0; shift <= 16; shift += 8) {
			if (Math.abs((argb >>> shift & 0xff) - (rgb >>> shift & 0xff)) > 12) {
				return false;
			}
		}
		return true;
	}

	static BufferedImage read(byte[] jpeg) {
		try {
			return ImageIO.read(new ByteArrayInputStream(jpeg));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
