package org.cloudroom.drive.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Opens the files and folders of a tree that a desktop changes the way the server must, running as root: one name
 * at a time from a folder already open, never following a symbolic link, and without blocking, so that a FIFO or
 * socket put where a file or folder was expected is refused at once instead of holding a thread forever. Only
 * regular files are opened to be read. Java's own {@code SecureDirectoryStream} opens a child folder, and a file's
 * owner or times to change them, with neither {@code O_DIRECTORY} nor {@code O_NONBLOCK}, so it is used here only
 * to list a folder opened by this class and to read attributes without following links.
 */
public final class NoFollow {

	/** How deep a walk goes at most; deeper folders are left out. */
	public static final int MAX_DEPTH = 256;

	private static final int AT_FDCWD = -100;
	private static final int O_NONBLOCK = 04000;
	private static final int O_NOCTTY = 0400;
	private static final int O_CLOEXEC = 02000000;
	private static final int O_DIRECTORY = Native.ARM ? 040000 : 0200000;
	private static final int O_NOFOLLOW = Native.ARM ? 0100000 : 0400000;
	private static final int AT_EMPTY_PATH = 0x1000;
	private static final int STATX_TYPE = 1;
	private static final int S_IFMT = 0170000;
	private static final int S_IFREG = 0100000;
	private static final int S_IFLNK = 0120000;
	private static final int AT_SYMLINK_NOFOLLOW = 0x100;

	private static final MethodHandle OPENAT = Native.function("openat",
			FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(3));
	private static final MethodHandle STATX = Native.function("statx",
			FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
	private static final MethodHandle CLOSE = Native.function("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

	private NoFollow() {
	}

	/** Opens a folder by its path, which only the server can change but for its last name, not followed. */
	public static Opened folder(Path path) throws IOException {
		return new Opened(open(AT_FDCWD, path.toAbsolutePath().toString(), O_DIRECTORY), path.toString());
	}

	/**
	 * Opens the folder of that name in the folder: not a link, not anything but a folder. A link there fails as a
	 * loop ({@code ELOOP}), anything else but a folder as {@link java.nio.file.NotDirectoryException}.
	 */
	public static Opened folder(Opened parent, String name) throws IOException {
		try {
			return new Opened(open(parent.fd(), name, O_DIRECTORY), name);
		}
		catch (java.nio.file.NotDirectoryException notAFolder) {
			if (isLink(parent.fd(), name)) {
				throw Native.failure(name, Native.ELOOP);
			}
			throw notAFolder;
		}
	}

	/** Opens the folder at the names, one at a time from the folder. */
	public static Opened folder(Opened start, List<String> names) throws IOException {
		Opened current = null;
		try {
			for (var name : names) {
				var next = folder(current == null ? start : current, name);
				if (current != null) {
					current.close();
				}
				current = next;
			}
		}
		catch (IOException | RuntimeException e) {
			if (current != null) {
				current.close();
			}
			throw e;
		}
		return current == null ? new Opened(open(start.fd(), ".", O_DIRECTORY), start.name()) : current;
	}

	/** Opens a regular file of the folder to read; anything else is refused with {@link NotAFile}. */
	public static Opened file(Opened parent, String name) throws IOException {
		var opened = new Opened(open(parent.fd(), name, O_NOCTTY), name);
		try {
			if ((mode(opened.fd(), name) & S_IFMT) != S_IFREG) {
				throw new NotAFile(name);
			}
			return opened;
		}
		catch (IOException | RuntimeException e) {
			opened.close();
			throw e;
		}
	}

	/** Opens a file or folder of the folder, whatever it is but a link, only to change its attributes. */
	public static Opened any(Opened parent, String name) throws IOException {
		return new Opened(open(parent.fd(), name, O_NOCTTY), name);
	}

	/**
	 * Walks the tree below the folder, depth first, never following a link and never into a folder deeper than
	 * {@link #MAX_DEPTH}. What vanishes or is swapped for something else meanwhile is passed over.
	 */
	public static void walk(Opened folder, Visitor visitor) throws IOException {
		walk(folder, List.of(), 0, visitor);
	}

	private static void walk(Opened folder, List<String> path, int depth, Visitor visitor) throws IOException {
		var listing = folder.listing();
		for (var child : listing) {
			var name = child.getFileName();
			var inside = new ArrayList<>(path);
			inside.add(name.toString());
			BasicFileAttributes attributes;
			try {
				attributes = listing.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
					.readAttributes();
			}
			catch (IOException gone) {
				continue;
			}
			if (visitor.visit(folder, List.copyOf(inside), attributes) && attributes.isDirectory()
					&& depth < MAX_DEPTH) {
				Opened sub;
				try {
					sub = folder(folder, name.toString());
				}
				catch (FileSystemException swappedOrGone) {
					continue;
				}
				try (sub) {
					walk(sub, List.copyOf(inside), depth + 1, visitor);
				}
				visitor.left(folder, List.copyOf(inside));
			}
		}
	}

	/** What a walk does with each thing it finds. */
	public interface Visitor {

		/**
		 * Sees one thing, its path from where the walk began and its own attributes (a link's, not its target's);
		 * answers whether to go into it, when it is a folder.
		 */
		boolean visit(Opened folder, List<String> path, BasicFileAttributes attributes) throws IOException;

		/** After the things in a folder were seen: the folder it lies in, and its path. */
		default void left(Opened parent, List<String> path) throws IOException {
		}
	}

	private static int open(int dir, String name, int flags) throws IOException {
		if (!Native.AVAILABLE) {
			throw new IOException("opening files without following links needs Linux on x86-64 or ARM64");
		}
		return Native.call(() -> {
			try (var arena = Arena.ofConfined()) {
				var state = Native.state(arena);
				int fd = (int) OPENAT.invokeExact(state, dir, arena.allocateFrom(name),
						flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
				if (fd < 0) {
					throw Native.failure(name, Native.errno(state));
				}
				return fd;
			}
		});
	}

	private static boolean isLink(int dir, String name) throws IOException {
		return (mode(dir, name, AT_SYMLINK_NOFOLLOW) & S_IFMT) == S_IFLNK;
	}

	private static int mode(int fd, String name) throws IOException {
		return mode(fd, "", AT_EMPTY_PATH);
	}

	private static int mode(int fd, String path, int flags) throws IOException {
		return Native.call(() -> {
			try (var arena = Arena.ofConfined()) {
				var state = Native.state(arena);
				var statx = arena.allocate(256, 8);
				if ((int) STATX.invokeExact(state, fd, arena.allocateFrom(path), flags, STATX_TYPE, statx) != 0) {
					throw Native.failure(path, Native.errno(state));
				}
				return Short.toUnsignedInt(statx.get(java.lang.foreign.ValueLayout.JAVA_SHORT, 28));
			}
		});
	}

	/** Something that is not a regular file where one was to be read: a FIFO, a socket, a device, a folder. */
	public static final class NotAFile extends FileSystemException {

		NotAFile(String name) {
			super(name, null, "not a regular file");
		}
	}

	/**
	 * A file or folder opened by this class; closing it closes its descriptor. Its listing and channel see what
	 * was opened, through {@code /proc/self/fd}, which names the open file itself rather than a path.
	 */
	public static final class Opened implements AutoCloseable {

		private final int fd;
		private final String name;
		private @Nullable SecureDirectoryStream<Path> listing;
		private boolean closed;

		Opened(int fd, String name) {
			this.fd = fd;
			this.name = name;
		}

		public int fd() {
			if (closed) {
				throw new IllegalStateException(name + " is closed");
			}
			return fd;
		}

		public String name() {
			return name;
		}

		/**
		 * The folder's entries, its children's attributes and renames and deletions relative to it, opened once;
		 * the entries' paths are good for their file names only.
		 */
		public SecureDirectoryStream<Path> listing() throws IOException {
			if (listing == null) {
				DirectoryStream<Path> stream = Files.newDirectoryStream(path());
				if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
					stream.close();
					throw new IOException("this filesystem cannot open folders without following links");
				}
				listing = secure;
			}
			return listing;
		}

		/** A channel to read the regular file, of its own, open after this is closed. */
		public FileChannel channel() throws IOException {
			return FileChannel.open(path(), StandardOpenOption.READ);
		}

		/**
		 * The open file's own name in {@code /proc}, good while it is open: changing it (owner, mode) changes what
		 * was opened, and a name below it (of a folder) is found in the folder that was opened.
		 */
		public Path path() {
			return Path.of("/proc/self/fd", Integer.toString(fd()));
		}

		@Override
		public void close() throws IOException {
			if (closed) {
				return;
			}
			closed = true;
			try {
				if (listing != null) {
					listing.close();
				}
			}
			finally {
				Native.call(() -> {
					try (var arena = Arena.ofConfined()) {
						var state = Native.state(arena);
						return (int) CLOSE.invokeExact(state, fd);
					}
				});
			}
		}
	}
}
