package org.cloudroom.rfb;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The opening of an RFB 3.8 connection, on both sides. Toward a browser the gateway plays the server and offers
 * only security type None (the browser is already authenticated by its web session); toward a desktop it plays
 * the client and answers None or VNC authentication itself, so no VNC secret ever reaches a browser.
 */
public final class RfbHandshake {

	static final byte[] VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
	static final int SECURITY_NONE = 1;
	static final int SECURITY_VNC = 2;
	static final int MAX_REASON = 4096;
	static final int MAX_NAME = 4096;

	private RfbHandshake() {
	}

	/** Plays the server toward a browser up to and including its ClientInit; the ServerInit is the caller's. */
	public static void acceptBrowser(DataInputStream in, OutputStream out) throws IOException {
		out.write(VERSION);
		out.flush();
		var version = new byte[12];
		in.readFully(version);
		if (!Arrays.equals(version, VERSION)) {
			throw new RfbException("browser speaks " + printable(version) + ", not RFB 3.8");
		}
		out.write(new byte[] { 1, SECURITY_NONE });
		out.flush();
		int chosen = in.readUnsignedByte();
		if (chosen != SECURITY_NONE) {
			out.write(new byte[] { 0, 0, 0, 1 });
			writeReason(out, "security type " + chosen + " is not offered");
			throw new RfbException("browser chose security type " + chosen);
		}
		out.write(new byte[] { 0, 0, 0, 0 });
		out.flush();
		in.readUnsignedByte();
	}

	/**
	 * Plays the client toward a desktop: RFB 3.8, security None or, with a password, VNC authentication, and a
	 * shared ClientInit so that others (a teacher's view) may watch at the same time.
	 */
	public static ServerInit connectDesktop(DataInputStream in, OutputStream out, byte @Nullable [] password)
			throws IOException {
		var version = new byte[12];
		in.readFully(version);
		if (!new String(version, StandardCharsets.US_ASCII).matches("RFB 003\\.00[78]\n")) {
			throw new RfbException("desktop speaks " + printable(version));
		}
		out.write(VERSION);
		out.flush();
		int count = in.readUnsignedByte();
		if (count == 0) {
			throw new RfbException("desktop refused: " + readReason(in));
		}
		var types = new byte[count];
		in.readFully(types);
		int chosen = choose(types, password != null);
		out.write(chosen);
		out.flush();
		if (chosen == SECURITY_VNC) {
			var challenge = new byte[16];
			in.readFully(challenge);
			out.write(vncResponse(password, challenge));
			out.flush();
		}
		if (in.readInt() != 0) {
			throw new RfbException("desktop refused the login: " + readReason(in));
		}
		out.write(1);
		out.flush();
		return readServerInit(in);
	}

	private static int choose(byte[] types, boolean havePassword) throws RfbException {
		for (var type : types) {
			if (type == SECURITY_NONE) {
				return SECURITY_NONE;
			}
		}
		for (var type : types) {
			if (type == SECURITY_VNC && havePassword) {
				return SECURITY_VNC;
			}
		}
		throw new RfbException("desktop offers no security type the gateway can answer: " + Arrays.toString(types));
	}

	private static ServerInit readServerInit(DataInputStream in) throws IOException {
		var head = new byte[24];
		in.readFully(head);
		var fields = ByteBuffer.wrap(head);
		int width = fields.getShort(0) & 0xffff;
		int height = fields.getShort(2) & 0xffff;
		int nameLength = fields.getInt(20);
		if (nameLength < 0 || nameLength > MAX_NAME) {
			throw new RfbException("desktop name of " + nameLength + " bytes");
		}
		var name = new byte[nameLength];
		in.readFully(name);
		var bytes = ByteBuffer.allocate(24 + nameLength).put(head).put(name).array();
		return new ServerInit(width, height, new String(name, StandardCharsets.UTF_8), bytes);
	}

	/** The VNC authentication response: the challenge DES-encrypted with the password, each key byte mirrored. */
	static byte[] vncResponse(byte[] password, byte[] challenge) throws RfbException {
		var key = new byte[8];
		for (int i = 0; i < 8 && i < password.length; i++) {
			key[i] = (byte) (Integer.reverse(password[i] & 0xff) >>> 24);
		}
		try {
			var des = Cipher.getInstance("DES/ECB/NoPadding");
			des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
			return des.doFinal(challenge);
		}
		catch (GeneralSecurityException e) {
			throw new RfbException("DES is not available: " + e.getMessage());
		}
	}

	private static String readReason(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > MAX_REASON) {
			throw new RfbException("reason of " + length + " bytes");
		}
		var reason = new byte[length];
		in.readFully(reason);
		return new String(reason, StandardCharsets.UTF_8);
	}

	private static void writeReason(OutputStream out, String reason) throws IOException {
		var bytes = reason.getBytes(StandardCharsets.UTF_8);
		out.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
		out.write(bytes);
		out.flush();
	}

	private static String printable(byte[] bytes) {
		return new String(bytes, StandardCharsets.US_ASCII).replaceAll("[^\\x20-\\x7e]", "?");
	}
}
