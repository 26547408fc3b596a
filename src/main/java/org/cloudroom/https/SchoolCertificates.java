package org.cloudroom.https;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own certificate authority and its server certificate, kept in {@code <data>/https}: the authority
 * is made once (ten years), the server certificate whenever it does not cover every name and address the server
 * has now or has less than a month left (it lasts 397 days, as browsers accept). Made with the JDK's keytool.
 */
final class SchoolCertificates {

	static final String SERVER = "server";
	private static final Logger log = LoggerFactory.getLogger(SchoolCertificates.class);
	private static final Duration RENEW_BEFORE = Duration.ofDays(30);

	private final Path folder;
	private final Clock clock;

	SchoolCertificates(Path data, Clock clock) {
		this.folder = data.resolve("https");
		this.clock = clock;
	}

	Path keystore() {
		return folder.resolve("server.p12");
	}

	Path authority() {
		return folder.resolve("ca.crt");
	}

	String password() {
		return read(folder.resolve("password"));
	}

	/** Makes whatever is missing or no longer covers {@code names}, and returns this. */
	synchronized SchoolCertificates ensure(Set<String> names) {
		try {
			Files.createDirectories(folder);
			var secret = folder.resolve("password");
			if (!Files.exists(secret)) {
				var bytes = new byte[18];
				new SecureRandom().nextBytes(bytes);
				Files.writeString(secret, HexFormat.of().formatHex(bytes));
				Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
			}
			if (!Files.exists(folder.resolve("ca.p12"))) {
				keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
						"-dname", "CN=Cloudroom " + hostName() + " " + clock.instant().getEpochSecond() + ", O=Cloudroom",
						"-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-keystore", "ca.p12");
				Files.deleteIfExists(authority());
				Files.deleteIfExists(keystore());
			}
			if (!Files.exists(authority())) {
				keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.crt");
			}
			if (!covers(names)) {
				issue(names);
			}
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot make the server's HTTPS certificate in " + folder, e);
		}
	}

	/** The names and addresses the server certificate covers, or none if there is none. */
	List<String> covered() {
		var certificate = certificate();
		if (certificate == null) {
			return List.of();
		}
		try {
			var names = new ArrayList<String>();
			var alternatives = certificate.getSubjectAlternativeNames();
			if (alternatives != null) {
				alternatives.forEach(entry -> names.add(String.valueOf(entry.get(1))));
			}
			return names;
		}
		catch (GeneralSecurityException e) {
			return List.of();
		}
	}

	/** The host names and addresses of this server: localhost, its name and every address of its interfaces. */
	static Set<String> ownNames() {
		var names = new LinkedHashSet<String>();
		names.add("localhost");
		names.add(hostName());
		try {
			for (var network : NetworkInterface.networkInterfaces().toList()) {
				if (network.isUp()) {
					network.inetAddresses().filter(address -> !address.isLinkLocalAddress())
						.forEach(address -> names.add(address.getHostAddress().replaceFirst("%.*", "")));
				}
			}
		}
		catch (SocketException e) {
			names.add("127.0.0.1");
		}
		return names;
	}

	private boolean covers(Set<String> names) {
		var certificate = certificate();
		if (certificate == null
				|| certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE))) {
			return false;
		}
		var covered = covered().stream().map(SchoolCertificates::canonical).toList();
		return names.stream().map(SchoolCertificates::canonical).allMatch(covered::contains);
	}

	private void issue(Set<String> names) throws IOException {
		log.info("Making the HTTPS certificate for {}", names);
		Files.deleteIfExists(keystore());
		keytool("-genkeypair", "-alias", SERVER, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "397",
				"-dname", "CN=" + names.stream().filter(n -> !n.equals("localhost")).findFirst().orElse("localhost"),
				"-keystore", "server.p12");
		keytool("-certreq", "-alias", SERVER, "-keystore", "server.p12", "-file", "server.csr");
		var alternatives = String.join(",", names.stream().map(SchoolCertificates::alternativeName).toList());
		keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr", "-outfile", "server.crt",
				"-rfc", "-validity", "397", "-ext", "san=" + alternatives, "-ext", "eku=serverAuth",
				"-ext", "ku:c=digitalSignature");
		keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "server.p12");
		keytool("-importcert", "-alias", SERVER, "-file", "server.crt", "-keystore", "server.p12");
		Files.deleteIfExists(folder.resolve("server.csr"));
		Files.deleteIfExists(folder.resolve("server.crt"));
	}

	private @Nullable X509Certificate certificate() {
		if (!Files.exists(keystore())) {
			return null;
		}
		try (InputStream in = Files.newInputStream(keystore())) {
			var store = KeyStore.getInstance("PKCS12");
			store.load(in, password().toCharArray());
			return (X509Certificate) store.getCertificate(SERVER);
		}
		catch (IOException | GeneralSecurityException e) {
			return null;
		}
	}

	private void keytool(String... arguments) throws IOException {
		var command = new ArrayList<String>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		command.addAll(List.of("-storetype", "PKCS12", "-storepass:file", "password"));
		var process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
		try {
			var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool " + arguments[0] + " failed: " + output.strip());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while making the HTTPS certificate", e);
		}
		finally {
			process.destroy();
		}
	}

	private static String alternativeName(String name) {
		return (isAddress(name) ? "ip:" : "dns:") + name;
	}

	private static String canonical(String name) {
		if (!isAddress(name)) {
			return name.toLowerCase();
		}
		try {
			return InetAddress.getByName(name).getHostAddress();
		}
		catch (UnknownHostException e) {
			return name;
		}
	}

	private static boolean isAddress(String name) {
		return name.matches("[0-9.]+") || name.contains(":");
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "localhost";
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file).strip();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
