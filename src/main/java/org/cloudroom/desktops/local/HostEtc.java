package org.cloudroom.desktops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What desktops see of the host's /etc: a copy the server keeps in {@code <data>/desktops/.etc} of what the list
 * ({@code desktop/etc}) names and anybody may read, with Cloudroom's additions ({@code desktop/etc.d}) and the
 * desktops' common hosts and resolv.conf. One folder to bind: a mount for each entry would cost every sandbox's start
 * tens of milliseconds of reading its growing mount table. It is brought up to date in place when the server starts
 * and, at a desktop's start, once a minute has passed, so a program installed meanwhile finds its settings there, in
 * running desktops too.
 */
final class HostEtc {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HostEtc.class);

	private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
	private static final Duration FRESH = Duration.ofMinutes(1);
	/** Files each desktop has of its own, bound over the copy's empty ones. */
	static final List<String> OWN = List.of("passwd", "group", "machine-id");

	private final Path source;
	private final Path copy;
	private final List<PathMatcher> names;
	/** Files of the desktops' own, by their name in /etc: what is written there comes from this file. */
	private final Map<String, Path> generated;
	private final Map<String, Path> additions;
	private final Clock clock;
	private Instant refreshedAt = Instant.EPOCH;

	/**
	 * @param additions files Cloudroom adds, by their path below /etc
	 * @param hosts what every desktop's /etc/hosts says
	 * @param resolver the file whose content is every desktop's /etc/resolv.conf, links followed
	 * @param clock what tells when the copy was last brought up to date
	 */
	HostEtc(Path source, Path copy, List<String> patterns, Map<String, Path> additions, Path hosts, Path resolver,
			Clock clock) {
		this.clock = clock;
		this.source = source;
		this.copy = copy;
		this.names = patterns.stream().map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
		this.additions = additions;
		this.generated = Map.of("hosts", hosts, "resolv.conf", resolver);
	}

	Path folder() {
		return copy;
	}

	/** Brings the copy up to date if it is older than a minute. */
	synchronized void refreshIfStale() {
		if (clock.instant().isAfter(refreshedAt.plus(FRESH))) {
			refresh();
		}
	}

	/** Brings the copy up to date with the host's /etc. */
	synchronized void refresh() {
		try {
			Files.createDirectories(copy);
			Files.setPosixFilePermissions(copy, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
					PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
					PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
					PosixFilePermission.OTHERS_EXECUTE));
			var kept = new HashSet<String>();
			try (var entries = Files.list(source)) {
				for (var entry : entries.toList()) {
					var name = entry.getFileName();
					if (names.stream().anyMatch(m -> m.matches(name)) && !OWN.contains(name.toString())
							&& !generated.containsKey(name.toString())) {
						kept.add(name.toString());
						sync(entry, copy.resolve(name), source.relativize(entry).toString());
					}
				}
			}
			for (var own : OWN) {
				kept.add(own);
				if (!Files.isRegularFile(copy.resolve(own), NOFOLLOW)) {
					RunDirectory.deleteWithoutFollowing(copy.resolve(own));
					Files.writeString(copy.resolve(own), "");
				}
			}
			for (var file : generated.entrySet()) {
				kept.add(file.getKey());
				write(copy.resolve(file.getKey()), Files.readString(file.getValue()));
			}
			for (var addition : additions.entrySet()) {
				kept.add(addition.getKey().split("/", 2)[0]);
				var target = copy.resolve(addition.getKey());
				Files.createDirectories(target.getParent());
				write(target, Files.readString(addition.getValue()));
			}
			removeAllBut(copy, kept);
			refreshedAt = clock.instant();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot bring " + copy + " up to date with " + source, e);
		}
	}

	/** Makes {@code target} what {@code from} is, as far as anybody may read it; links stay links. */
	private void sync(Path from, Path target, String below) throws IOException {
		var attributes = Files.readAttributes(from, PosixFileAttributes.class, NOFOLLOW);
		var permissions = attributes.permissions();
		if (attributes.isSymbolicLink()) {
			var link = Files.readSymbolicLink(from);
			if (!Files.isSymbolicLink(target) || !Files.readSymbolicLink(target).equals(link)) {
				RunDirectory.deleteWithoutFollowing(target);
				Files.createSymbolicLink(target, link);
			}
		}
		else if (attributes.isDirectory() && permissions.contains(PosixFilePermission.OTHERS_READ)
				&& permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
			if (!Files.isDirectory(target, NOFOLLOW)) {
				RunDirectory.deleteWithoutFollowing(target);
				Files.createDirectory(target);
			}
			Files.setPosixFilePermissions(target, permissions);
			var kept = new HashSet<String>();
			try (var entries = Files.list(from)) {
				for (var entry : entries.toList()) {
					var name = entry.getFileName().toString();
					kept.add(name);
					try {
						sync(entry, target.resolve(name), below + "/" + name);
					}
					catch (java.nio.file.InvalidPathException notInTheLocalesEncoding) {
						log.warn("Desktops' /etc leaves out {}: the server's locale cannot name it (run it in a UTF-8 "
								+ "locale, as ./cloudroom does)", from.resolve(name));
					}
				}
			}
			additions.keySet().stream().filter(path -> path.startsWith(below + "/"))
				.map(path -> path.substring(below.length() + 1).split("/", 2)[0]).forEach(kept::add);
			removeAllBut(target, kept);
		}
		else if (attributes.isRegularFile() && permissions.contains(PosixFilePermission.OTHERS_READ)) {
			var current = Files.isRegularFile(target, NOFOLLOW)
					? Files.readAttributes(target, PosixFileAttributes.class, NOFOLLOW) : null;
			if (current == null || current.size() != attributes.size()
					|| !current.lastModifiedTime().equals(attributes.lastModifiedTime())) {
				var fresh = target.resolveSibling("." + target.getFileName() + ".cloudroom");
				Files.copy(from, fresh, StandardCopyOption.REPLACE_EXISTING, NOFOLLOW);
				Files.setPosixFilePermissions(fresh, permissions);
				Files.setLastModifiedTime(fresh, attributes.lastModifiedTime());
				if (current == null) {
					RunDirectory.deleteWithoutFollowing(target);
				}
				Files.move(fresh, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		else {
			// what not everybody may read, and pipes, sockets and devices, stay out
			RunDirectory.deleteWithoutFollowing(target);
		}
	}

	private static void removeAllBut(Path folder, Set<String> kept) throws IOException {
		try (var entries = Files.list(folder)) {
			for (var entry : entries.toList()) {
				if (!kept.contains(entry.getFileName().toString())) {
					RunDirectory.deleteWithoutFollowing(entry);
				}
			}
		}
	}

	private static void write(Path file, String text) throws IOException {
		if (Files.isRegularFile(file, NOFOLLOW) && Files.readString(file).equals(text)) {
			return;
		}
		var fresh = file.resolveSibling("." + file.getFileName() + ".cloudroom");
		Files.writeString(fresh, text);
		Files.setPosixFilePermissions(fresh, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
		if (!Files.isRegularFile(file, NOFOLLOW)) {
			RunDirectory.deleteWithoutFollowing(file);
		}
		Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
