package org.cloudroom.rfb;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * Server-to-client messages built byte by byte as RFC 6143 lays them out, in the pixel format the client asks for
 * (32-bit little-endian, 0xRRGGBB). One builder is one connection: its ZRLE rectangles share one zlib stream.
 */
final class Updates {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final Deflater deflater = new Deflater();

	/** A FramebufferUpdate header announcing that many rectangles; the rectangles follow. */
	Updates update(int rectangles) {
		out.writeBytes(ByteBuffer.allocate(4).put((byte) 0).put((byte) 0).putShort((short) rectangles).array());
		return this;
	}

	Updates raw(int x, int y, int w, int h, int... pixels) {
		header(x, y, w, h, 0);
		var b = ByteBuffer.allocate(4 * pixels.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		for (var p : pixels) {
			b.putInt(p);
		}
		out.writeBytes(b.array());
		return this;
	}

	Updates copyRect(int x, int y, int w, int h, int sourceX, int sourceY) {
		header(x, y, w, h, 1);
		out.writeBytes(ByteBuffer.allocate(4).putShort((short) sourceX).putShort((short) sourceY).array());
		return this;
	}

	/** A ZRLE rectangle whose tiles inflate to exactly {@code tiles}. */
	Updates zrle(int x, int y, int w, int h, byte[] tiles) {
		return zrleCompressed(x, y, w, h, compress(tiles));
	}

	Updates zrleCompressed(int x, int y, int w, int h, byte[] compressed) {
		header(x, y, w, h, 16);
		out.writeBytes(ByteBuffer.allocate(4).putInt(compressed.length).array());
		out.writeBytes(compressed);
		return this;
	}

	Updates desktopSize(int w, int h) {
		header(0, 0, w, h, -223);
		return this;
	}

	Updates header(int x, int y, int w, int h, int encoding) {
		out.writeBytes(ByteBuffer.allocate(12).putShort((short) x).putShort((short) y).putShort((short) w)
			.putShort((short) h).putInt(encoding).array());
		return this;
	}

	Updates bell() {
		out.write(2);
		return this;
	}

	Updates cutText(int length) {
		out.writeBytes(ByteBuffer.allocate(8 + Math.abs(length)).put((byte) 3).position(4).putInt(length)
			.position(8 + Math.abs(length)).array());
		return this;
	}

	Updates bytes(int... values) {
		for (var v : values) {
			out.write(v);
		}
		return this;
	}

	/** Compresses into the connection's zlib stream, flushed at the end as a server does after each rectangle. */
	byte[] compress(byte[] data) {
		deflater.setInput(data);
		var compressed = new ByteArrayOutputStream();
		var buffer = new byte[4096];
		int n;
		do {
			n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
			compressed.write(buffer, 0, n);
		}
		while (n == buffer.length);
		return compressed.toByteArray();
	}

	byte[] toByteArray() {
		return out.toByteArray();
	}

	/** Tile contents (before compression) in ZRLE's own layout: subencodings, CPIXELs and runs. */
	static final class Tiles {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Tiles raw(int... pixels) {
			out.write(0);
			for (var p : pixels) {
				cpixel(p);
			}
			return this;
		}

		Tiles solid(int rgb) {
			out.write(1);
			cpixel(rgb);
			return this;
		}

		/** A packed palette tile: {@code indices} are already packed into bytes, rows padded to whole bytes. */
		Tiles packedPalette(int[] palette, int... packed) {
			out.write(palette.length);
			for (var p : palette) {
				cpixel(p);
			}
			for (var b : packed) {
				out.write(b);
			}
			return this;
		}

		/** Plain RLE: pairs of colour and run length. */
		Tiles plainRle(int... colourAndLength) {
			out.write(128);
			for (int i = 0; i < colourAndLength.length; i += 2) {
				cpixel(colourAndLength[i]);
				runLength(colourAndLength[i + 1]);
			}
			return this;
		}

		/** Palette RLE: pairs of palette index and run length (a run of 1 is a single index byte). */
		Tiles paletteRle(int[] palette, int... indexAndLength) {
			out.write(128 + palette.length);
			for (var p : palette) {
				cpixel(p);
			}
			for (int i = 0; i < indexAndLength.length; i += 2) {
				if (indexAndLength[i + 1] == 1) {
					out.write(indexAndLength[i]);
				}
				else {
					out.write(indexAndLength[i] | 128);
					runLength(indexAndLength[i + 1]);
				}
			}
			return this;
		}

		Tiles bytes(int... values) {
			for (var v : values) {
				out.write(v);
			}
			return this;
		}

		void cpixel(int rgb) {
			out.write(rgb & 0xff);
			out.write(rgb >>> 8 & 0xff);
			out.write(rgb >>> 16 & 0xff);
		}

		void runLength(int length) {
			int rest = length - 1;
			while (rest >= 255) {
				out.write(255);
				rest -= 255;
			}
			out.write(rest);
		}

		byte[] toByteArray() {
			return out.toByteArray();
		}
	}
}
