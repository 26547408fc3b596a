package org.cloudroom.drive.posix;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;

/** C library functions as method handles that also capture {@code errno}, and errors as Java's exceptions. */
public final class Native {

	public static final int ENOENT = 2;
	public static final int ESRCH = 3;
	public static final int ENXIO = 6;
	public static final int EXDEV = 18;
	public static final int ENOTDIR = 20;
	public static final int EINVAL = 22;
	public static final int ENOTTY = 25;
	public static final int ENOSYS = 38;
	public static final int ELOOP = 40;
	public static final int EOPNOTSUPP = 95;
	public static final int EDQUOT = 122;

	/** Whether this is a machine whose flag values this code knows: Linux on x86-64 or ARM64. */
	public static final boolean AVAILABLE = System.getProperty("os.name").equals("Linux")
			&& Arrays.asList("amd64", "x86_64", "aarch64").contains(System.getProperty("os.arch"));
	static final boolean ARM = System.getProperty("os.arch").equals("aarch64");

	private static final Linker LINKER = Linker.nativeLinker();
	private static final StructLayout STATE = Linker.Option.captureStateLayout();
	private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
	private static final MethodHandle STRERROR = LINKER.downcallHandle(
			LINKER.defaultLookup().find("strerror").orElseThrow(),
			FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

	private Native() {
	}

	/** The function, taking a segment of {@link #state} before its own arguments. */
	public static MethodHandle function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
		var all = Arrays.copyOf(options, options.length + 1);
		all[options.length] = Linker.Option.captureCallState("errno");
		return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor, all);
	}

	/** Where a call leaves its {@code errno}. */
	public static MemorySegment state(Arena arena) {
		return arena.allocate(STATE);
	}

	public static int errno(MemorySegment state) {
		return (int) ERRNO.get(state, 0L);
	}

	/** The failure of a call on {@code what} as Java says it: no such file, not a folder, or the system's words. */
	public static IOException failure(String what, int errno) {
		return switch (errno) {
			case ENOENT -> new NoSuchFileException(what);
			case ENOTDIR -> new NotDirectoryException(what);
			default -> new Failure(what, errno);
		};
	}

	/** A failed call that is none of the common kinds, with its {@code errno}. */
	public static final class Failure extends FileSystemException {

		private final int errno;

		Failure(String what, int errno) {
			super(what, null, describe(errno));
			this.errno = errno;
		}

		public int errno() {
			return errno;
		}
	}

	private static String describe(int errno) {
		try {
			return ((MemorySegment) STRERROR.invokeExact(errno)).reinterpret(256).getString(0);
		}
		catch (Throwable e) {
			return "error " + errno;
		}
	}

	/** Runs a call whose handle throws {@link Throwable}, as the {@link IOException} it may raise. */
	public static <T> T call(Call<T> call) throws IOException {
		try {
			return call.run();
		}
		catch (IOException | RuntimeException | Error e) {
			throw e;
		}
		catch (Throwable e) {
			throw new IllegalStateException(e);
		}
	}

	/** A native call. */
	public interface Call<T> {
		T run() throws Throwable;
	}
}
