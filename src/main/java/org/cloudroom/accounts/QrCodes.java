package org.cloudroom.accounts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes: drawn for login cards, read from a webcam frame or a photo of a card. */
final class QrCodes {

	/** Larger images are refused before decoding, so a tiny file cannot claim a huge picture. */
	static final int MAX_SIDE = 4096;

	private QrCodes() {
	}

	static byte[] png(String text, int size) {
		try {
			var hints = new EnumMap<EncodeHintType, Object>(EncodeHintType.class);
			hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
			hints.put(EncodeHintType.MARGIN, 2);
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
			var out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "png", out);
			return out.toByteArray();
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot draw QR code", e);
		}
	}

	static String pngDataUri(String text, int size) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, size));
	}

	/** The text of the QR code in the image, if it is a readable PNG, JPEG or GIF with one in it. */
	static Optional<String> read(byte[] image) {
		var picture = decodeImage(image);
		if (picture == null) {
			return Optional.empty();
		}
		var source = new BufferedImageLuminanceSource(picture);
		Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		for (var bitmap : new BinaryBitmap[] { new BinaryBitmap(new HybridBinarizer(source)),
				new BinaryBitmap(new GlobalHistogramBinarizer(source)) }) {
			try {
				return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
			}
			catch (ReaderException e) {
				// try the next way
			}
		}
		// In about one card of 150 some data modules look like a fourth finder pattern, and the reader above picks
		// the wrong three every time; the multi reader weighs all candidates and finds the code.
		try {
			return Optional.of(new QRCodeMultiReader()
				.decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints)[0].getText());
		}
		catch (ReaderException e) {
			return Optional.empty();
		}
	}

	private static BufferedImage decodeImage(byte[] image) {
		try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			if (in == null) {
				return null;
			}
			var readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			var reader = readers.next();
			try {
				reader.setInput(in, true, true);
				if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
					return null;
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}
}
