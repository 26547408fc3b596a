package org.cloudroom.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One login card as the printed card sheet shows it: what a student reads off it (the password is empty when the
 * card leaves a line to write it in), and its QR code.
 */
record PrintedCard(String name, String className, String username, String password, String address,
		BufferedImage qr) {

	private static final String PNG = "data:image/png;base64,";

	/** The cards on the card sheet the browser shows. */
	static List<PrintedCard> on(Chromium browser) {
		return browser.driver().findElements(By.cssSelector(".card-sheet .login-card")).stream()
			.map(PrintedCard::of).toList();
	}

	private static PrintedCard of(WebElement card) {
		var password = card.findElements(By.cssSelector(".card-password")).stream().map(WebElement::getText)
			.findFirst().orElse("");
		return new PrintedCard(text(card, ".card-name"), text(card, ".card-class"), text(card, ".card-username"),
				password, text(card, ".card-address"),
				image(card.findElement(By.cssSelector("img.qr")).getDomAttribute("src")));
	}

	/**
	 * What the QR code says. The multi reader is used as it finds every card's code; ZXing's plain
	 * {@code QRCodeReader} misses about one card in 150 (see {@code CardQrCodesTests}).
	 */
	String qrText() {
		try {
			return new QRCodeMultiReader()
				.decodeMultiple(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(qr))))[0]
				.getText();
		}
		catch (ReaderException e) {
			throw new AssertionError("the QR code of " + username + "'s card cannot be read", e);
		}
	}

	private static String text(WebElement card, String css) {
		return card.findElement(By.cssSelector(css)).getText();
	}

	private static BufferedImage image(String src) {
		if (src == null || !src.startsWith(PNG)) {
			throw new AssertionError("the QR code is not a PNG data URI: " + src);
		}
		try {
			return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(PNG.length()))));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
