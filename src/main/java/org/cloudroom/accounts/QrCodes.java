package org.cloudroom.accounts;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

import org.cloudroom.images.Pictures;

/** QR codes: drawn for login cards, read from a webcam frame or a photo of a card. */
final class QrCodes {

	/**
	 * What a webcam frame or a photo of a card may be. The login page is open to anybody, so it decodes only the
	 * formats it asks for, and a picture larger than a phone's photo is refused by its header before decoding.
	 */
	private static final Pictures.Limits PICTURES = new Pictures.Limits(Set.of("png", "jpeg", "gif"),
			(int) LoginPages.MAX_IMAGE_BYTES, 4096, 4096L * 4096);

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
		if (!(Pictures.decode(image, PICTURES) instanceof Pictures.Decoded picture)) {
			return Optional.empty();
		}
		var source = new BufferedImageLuminanceSource(picture.image());
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
}
