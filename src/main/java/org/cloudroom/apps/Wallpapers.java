package org.cloudroom.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.cloudroom.CloudroomSettings;
import org.cloudroom.images.Pictures;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Component;

/**
 * The schools' wallpaper images, under {@code <data>/wallpapers}, each named by its content's hash: a version of a
 * profile keeps its image for as long as it is kept, so rolling back brings the previous image back.
 */
@Component
class Wallpapers {

	static final int MAX_BYTES = 5 * 1024 * 1024;
	static final int MAX_SIDE = 8000;
	static final long MAX_PIXELS = 40_000_000;
	static final int MIN_SIDE = 16;
	private static final Pictures.Limits LIMITS = new Pictures.Limits(Set.of("png", "jpeg"), MAX_BYTES, MAX_SIDE,
			MAX_PIXELS);
	/** Checking an image decodes all its pixels but keeps a sample at most this large: it is only looked at. */
	private static final int CHECK_SIDE = 256;
	private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.(png|jpg)");

	private final Path folder;

	Wallpapers(CloudroomSettings settings) {
		this.folder = settings.data().resolve("wallpapers").toAbsolutePath();
	}

	/**
	 * Checks the image and keeps it; its file name. Its size is read from its header first: one that claims more
	 * than {@link #MAX_SIDE} pixels on a side or {@link #MAX_PIXELS} in all is refused before a pixel is decoded.
	 */
	String store(byte[] image) {
		var extension = extension(image);
		if (image.length == 0 || image.length > MAX_BYTES || extension.isEmpty()) {
			throw badImage();
		}
		switch (Pictures.decodeSampled(image, LIMITS, CHECK_SIDE)) {
			case Pictures.TooLarge(int width, int height) -> throw new Refused(Status.UNPROCESSABLE,
					"apps.profile.image-too-large", width, height, MAX_SIDE, MAX_PIXELS / 1_000_000,
					MAX_PIXELS / 10_000);
			case Pictures.Unreadable unreadable -> throw badImage();
			case Pictures.Decoded decoded -> {
				if (decoded.width() < MIN_SIDE || decoded.height() < MIN_SIDE) {
					throw badImage();
				}
			}
		}
		var name = sha256(image) + extension;
		try {
			Files.createDirectories(folder);
			var file = folder.resolve(name);
			if (!Files.exists(file)) {
				var temporary = Files.createTempFile(folder, ".upload", extension);
				Files.write(temporary, image);
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return name;
	}

	private static Refused badImage() {
		return new Refused(Status.UNPROCESSABLE, "apps.profile.bad-image", MAX_BYTES / 1024 / 1024);
	}

	Optional<Path> find(String name) {
		return NAME.matcher(name).matches() ? Optional.of(folder.resolve(name)).filter(Files::isRegularFile)
				: Optional.empty();
	}

	/** {@code .png} or {@code .jpg} by the file's signature; empty for anything else, whatever its decoder says. */
	private static String extension(byte[] image) {
		if (image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
			return ".png";
		}
		if (image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff) {
			return ".jpg";
		}
		return "";
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
				.toLowerCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
