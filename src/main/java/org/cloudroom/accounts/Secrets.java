package org.cloudroom.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random initial passwords, card and token secrets, and the hash under which such secrets are stored. */
final class Secrets {

	/** No 0/o, 1/l/i: a ten-year-old copies these from a printed card. */
	private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** Eight characters of a 31-letter alphabet: about 40 bits, with five tries before a lock. */
	static String initialPassword() {
		var password = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	/** A URL-safe random secret of the given number of bytes. */
	static String token(int bytes) {
		var secret = new byte[bytes];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/**
	 * SHA-256 of a high-entropy secret. A fast hash is right here, unlike for passwords: a 128-bit random secret
	 * cannot be guessed, and the hash lets the secret be looked up.
	 */
	static String hash(String secret) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
