package org.cloudroom.classroom;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes thumbnails as JPEG with one writer kept for reuse, in memory (no cache file per picture). */
final class Jpeg {

	private static final float QUALITY = 0.75f;

	private final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
	private final ImageWriteParam parameters = writer.getDefaultWriteParam();
	private BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

	Jpeg() {
		parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		parameters.setCompressionQuality(QUALITY);
	}

	/** Not thread-safe: one caller at a time. */
	byte[] encode(int width, int height, int[] rgb) {
		if (image.getWidth() != width || image.getHeight() != height) {
			image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		}
		image.setRGB(0, 0, width, height, rgb, 0, width);
		var out = new ByteArrayOutputStream(8 * 1024);
		try (var stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
