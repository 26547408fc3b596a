package org.cloudroom.browser;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A still picture as a YUV4MPEG2 video, the format Chromium's fake webcam plays: the picture in the middle of a
 * white 640×480 frame, repeated; Chromium loops it.
 */
final class Y4m {

	static final int WIDTH = 640;
	static final int HEIGHT = 480;
	private static final int FRAMES = 5;

	private Y4m() {
	}

	static void write(BufferedImage picture, Path file) {
		var frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		var graphics = frame.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, WIDTH, HEIGHT);
		graphics.drawImage(picture, (WIDTH - picture.getWidth()) / 2, (HEIGHT - picture.getHeight()) / 2, null);
		graphics.dispose();
		var planes = yuv420(frame);
		try (var out = new BufferedOutputStream(Files.newOutputStream(file))) {
			out.write("YUV4MPEG2 W%d H%d F10:1 Ip A1:1 C420jpeg\n".formatted(WIDTH, HEIGHT)
				.getBytes(StandardCharsets.US_ASCII));
			for (int i = 0; i < FRAMES; i++) {
				out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
				out.write(planes);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Full-range BT.601 (JPEG's), a Y plane then U and V planes at half resolution. */
	private static byte[] yuv420(BufferedImage rgb) {
		var planes = new byte[WIDTH * HEIGHT * 3 / 2];
		int u = WIDTH * HEIGHT;
		int v = u + u / 4;
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < WIDTH; x++) {
				int pixel = rgb.getRGB(x, y);
				int r = pixel >> 16 & 0xff;
				int g = pixel >> 8 & 0xff;
				int b = pixel & 0xff;
				planes[y * WIDTH + x] = (byte) clamp(0.299 * r + 0.587 * g + 0.114 * b);
				if (x % 2 == 0 && y % 2 == 0) {
					int i = (y / 2) * (WIDTH / 2) + x / 2;
					planes[u + i] = (byte) clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
					planes[v + i] = (byte) clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
				}
			}
		}
		return planes;
	}

	private static int clamp(double value) {
		return (int) Math.max(0, Math.min(255, Math.round(value)));
	}
}
