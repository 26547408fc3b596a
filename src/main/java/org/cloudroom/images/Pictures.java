package org.cloudroom.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.jspecify.annotations.Nullable;

/**
 * Decodes a picture somebody sent only once its header says it is within the limits: the width and height are
 * read through an {@link ImageReader} without reading a pixel, so a small file that claims a huge picture costs
 * nothing. The bytes stay in memory (no cache file is written).
 */
public final class Pictures {

	/**
	 * What a picture may be.
	 *
	 * @param formats the formats read, as ImageIO names them in lower case: {@code png}, {@code jpeg}, {@code gif}
	 * @param maxBytes the largest file
	 * @param maxSide the most pixels on either side
	 * @param maxPixels the most pixels in all
	 */
	public record Limits(Set<String> formats, int maxBytes, int maxSide, long maxPixels) {
	}

	/** What became of a picture. */
	public sealed interface Outcome permits Decoded, TooLarge, Unreadable {
	}

	/**
	 * A decoded picture: its format and its size as the file has it, and its image, smaller than that when decoded
	 * sampled.
	 */
	public record Decoded(String format, int width, int height, BufferedImage image) implements Outcome {
	}

	/**
	 * More bytes, or a larger picture by its header, than the limits allow; nothing of it was decoded. The width and
	 * height are those its header declares, or 0 when the file was too large to look at.
	 */
	public record TooLarge(int width, int height) implements Outcome {
	}

	/** Not a picture of an allowed format, or a broken one. */
	public record Unreadable() implements Outcome {
	}

	private Pictures() {
	}

	/** The picture at full size, when it is within the limits. */
	public static Outcome decode(byte[] bytes, Limits limits) {
		return read(bytes, limits, Integer.MAX_VALUE);
	}

	/**
	 * Decodes every pixel row of the picture, to know it is whole, but keeps only every so many pixels, so that the
	 * image's longer side is at most {@code side}: a check that costs little memory whatever the picture's size.
	 */
	public static Outcome decodeSampled(byte[] bytes, Limits limits, int side) {
		return read(bytes, limits, side);
	}

	private static Outcome read(byte[] bytes, Limits limits, int side) {
		if (bytes.length > limits.maxBytes()) {
			return new TooLarge(0, 0);
		}
		try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			var reader = readerOf(in, limits.formats());
			if (reader == null) {
				return new Unreadable();
			}
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 1 || height < 1) {
					return new Unreadable();
				}
				if (width > limits.maxSide() || height > limits.maxSide()
						|| (long) width * height > limits.maxPixels()) {
					return new TooLarge(width, height);
				}
				var parameters = reader.getDefaultReadParam();
				int longer = Math.max(width, height);
				int step = longer <= side ? 1 : (longer + side - 1) / side;
				parameters.setSourceSubsampling(step, step, 0, 0);
				var format = reader.getFormatName().toLowerCase(Locale.ROOT);
				return new Decoded(format, width, height, reader.read(0, parameters));
			}
			finally {
				reader.dispose();
			}
		}
		// A decoder meeting bytes it does not expect may throw anything unchecked, not only IIOException.
		catch (IOException | RuntimeException e) {
			return new Unreadable();
		}
	}

	/** The first reader ImageIO finds for the bytes whose format is allowed; {@code null} for none. */
	private static @Nullable ImageReader readerOf(ImageInputStream in, Set<String> formats) {
		var readers = ImageIO.getImageReaders(in);
		while (readers.hasNext()) {
			var reader = readers.next();
			try {
				if (formats.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
					return reader;
				}
			}
			catch (IOException e) {
				// try the next reader
			}
			reader.dispose();
		}
		return null;
	}
}
