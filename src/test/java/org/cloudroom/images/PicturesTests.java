package org.cloudroom.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.imageio.ImageIO;

import org.cloudroom.images.Pictures.Decoded;
import org.cloudroom.images.Pictures.Limits;
import org.cloudroom.images.Pictures.TooLarge;
import org.cloudroom.images.Pictures.Unreadable;
import org.junit.jupiter.api.Test;

/** Pictures are decoded only when their header says they are small enough. */
class PicturesTests {

	private static final Limits LIMITS = new Limits(Set.of("png", "jpeg"), 5 * 1024 * 1024, 8000, 40_000_000);

	@Test
	void aPictureThatClaimsMorePixelsThanAllowedIsRefusedByItsHeaderWithoutDecodingAPixel() {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		var huge = CraftedPng.withRows(20_000, 20_000, 4);
		var before = threads.getCurrentThreadAllocatedBytes();

		var outcome = Pictures.decode(huge, LIMITS);

		assertThat(outcome).isEqualTo(new TooLarge(20_000, 20_000));
		assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated")
			.isLessThan(8L * 1024 * 1024);
		assertThat(Pictures.decode(CraftedPng.withBrokenPixels(20_000, 20_000), LIMITS))
			.as("its pixel data was never looked at: it is no zlib stream").isEqualTo(new TooLarge(20_000, 20_000));
		assertThat(Pictures.decode(CraftedPng.withBrokenPixels(7_000, 7_000), LIMITS))
			.as("too many pixels in all, though each side is allowed").isEqualTo(new TooLarge(7_000, 7_000));
	}

	@Test
	void aBrokenPictureWithinTheLimitsIsDecodedAndFoundBroken() {
		assertThat(Pictures.decode(CraftedPng.withBrokenPixels(64, 64), LIMITS)).isInstanceOf(Unreadable.class);
		assertThat(Pictures.decodeSampled(CraftedPng.withRows(640, 480, 2), LIMITS, 64))
			.as("rows missing").isInstanceOf(Unreadable.class);
	}

	@Test
	void aWholePictureIsDecodedAtFullSizeOrSampledSmall() throws IOException {
		var png = encode(new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB), "png");

		assertThat(Pictures.decode(png, LIMITS)).isInstanceOfSatisfying(Decoded.class, decoded -> {
			assertThat(decoded.format()).isEqualTo("png");
			assertThat(decoded.image().getWidth()).isEqualTo(600);
		});
		assertThat(Pictures.decodeSampled(png, LIMITS, 100)).isInstanceOfSatisfying(Decoded.class, decoded -> {
			assertThat(decoded.width()).isEqualTo(600);
			assertThat(decoded.height()).isEqualTo(300);
			assertThat(decoded.image().getWidth()).isLessThanOrEqualTo(100);
			assertThat(decoded.image().getHeight()).isLessThanOrEqualTo(50);
		});
		var jpeg = encode(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpeg");
		assertThat(Pictures.decode(jpeg, LIMITS)).isInstanceOfSatisfying(Decoded.class,
				decoded -> assertThat(decoded.format()).isEqualTo("jpeg"));
	}

	@Test
	void onlyTheAllowedFormatsAreRead() throws IOException {
		var gif = encode(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "gif");
		var bmp = encode(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "bmp");

		assertThat(Pictures.decode(gif, LIMITS)).isInstanceOf(Unreadable.class);
		assertThat(Pictures.decode(bmp, LIMITS)).isInstanceOf(Unreadable.class);
		assertThat(Pictures.decode("not a picture".getBytes(), LIMITS)).isInstanceOf(Unreadable.class);
		assertThat(Pictures.decode(gif, new Limits(Set.of("gif"), 1024 * 1024, 100, 10_000)))
			.isInstanceOf(Decoded.class);
	}

	@Test
	void moreBytesThanAllowedAreNotLookedAt() throws IOException {
		var png = encode(new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB), "png");

		assertThat(Pictures.decode(png, new Limits(Set.of("png"), png.length - 1, 8000, 40_000_000)))
			.isEqualTo(new TooLarge(0, 0));
	}

	private static byte[] encode(BufferedImage image, String format) throws IOException {
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}
}
