package org.cloudroom.images;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Grey PNG files whose header declares any size, built byte by byte: a few hundred bytes may claim 20000 × 20000
 * pixels, as an attacker's file does.
 */
public final class CraftedPng {

	private CraftedPng() {
	}

	/** A header of this size and a real zlib stream of the first pixel rows only (all black). */
	public static byte[] withRows(int width, int height, int rows) {
		var deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(new byte[(width + 1) * rows]);
		deflater.finish();
		var packed = new byte[64 * 1024];
		int length = deflater.deflate(packed);
		deflater.end();
		return png(width, height, Arrays.copyOf(packed, length));
	}

	/** A header of this size whose pixel data is no zlib stream at all: decoding it can only fail. */
	public static byte[] withBrokenPixels(int width, int height) {
		return png(width, height, "these are no pixels".getBytes(US_ASCII));
	}

	private static byte[] png(int width, int height, byte[] pixelData) {
		try {
			var out = new ByteArrayOutputStream();
			var data = new DataOutputStream(out);
			data.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
			var header = new ByteArrayOutputStream();
			var fields = new DataOutputStream(header);
			fields.writeInt(width);
			fields.writeInt(height);
			fields.write(new byte[] { 8, 0, 0, 0, 0 });
			chunk(data, "IHDR", header.toByteArray());
			chunk(data, "IDAT", pixelData);
			chunk(data, "IEND", new byte[0]);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void chunk(DataOutputStream out, String type, byte[] content) throws IOException {
		var crc = new CRC32();
		crc.update(type.getBytes(US_ASCII));
		crc.update(content);
		out.writeInt(content.length);
		out.writeBytes(type);
		out.write(content);
		out.writeInt((int) crc.getValue());
	}
}
