package org.cloudroom.drive.local;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;

import org.cloudroom.drive.posix.Native;
import org.cloudroom.drive.posix.NoFollow;

/**
 * Linux project quotas (ext4 made with {@code -O quota,project}, or XFS, mounted with {@code prjquota}): every file
 * and folder carries a project id, a folder with the inherit flag passes its id to everything made in it, and the
 * kernel refuses a write that would take a project past its block limit ("Disk quota exceeded") and says what each
 * project takes. Ids are set with {@code FS_IOC_FSSETXATTR} on descriptors opened without following links, limits
 * read and set with {@code quotactl_fd}. Only the initial user namespace may change a project id, so a desktop in
 * its sandbox (a user namespace of its own) cannot take its files out of its project.
 */
final class ProjectQuotas {

	private static final long FS_IOC_FSGETXATTR = 0x801c581fL;
	private static final long FS_IOC_FSSETXATTR = 0x401c5820L;
	private static final int FS_XFLAG_PROJINHERIT = 0x200;
	private static final long SYS_QUOTACTL_FD = 443;
	private static final long Q_GETQUOTA = qcmd(0x800007);
	private static final long Q_SETQUOTA = qcmd(0x800008);
	private static final int QIF_BLIMITS = 1;

	private static final MethodHandle IOCTL = Native.function("ioctl",
			FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
	private static final MethodHandle SYSCALL = Native.function("syscall",
			FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS),
			Linker.Option.firstVariadicArg(1));

	private ProjectQuotas() {
	}

	/** Why the filesystem of the folder keeps no project quotas, or null when it does. */
	static String unsupported(Path folder) {
		if (!Native.AVAILABLE) {
			return "not Linux on x86-64 or ARM64";
		}
		try (var opened = NoFollow.folder(folder)) {
			quota(opened, 0, Q_GETQUOTA);
			return null;
		}
		catch (Native.Failure e) {
			return switch (e.errno()) {
				case Native.ESRCH -> "project quotas are not on for it";
				case Native.ENOSYS -> "the kernel has no quotactl_fd, which came with Linux 5.14";
				default -> e.getMessage();
			};
		}
		catch (IOException e) {
			return e.getMessage();
		}
	}

	/** The project the folder belongs to, when it passes it to what is made in it; -1 when it does not. */
	static int inherited(Path folder) throws IOException {
		try (var opened = NoFollow.folder(folder)) {
			var attributes = get(opened);
			return (attributes[0] & FS_XFLAG_PROJINHERIT) != 0 ? attributes[1] : -1;
		}
	}

	/**
	 * Puts the folder and everything in it into the project, folders passing it on, unless the folder passes it on
	 * already (then what lies in it was made since, or came in by a rename the kernel allows only within one
	 * project). The folder itself is changed last, so a walk cut short is walked again next time.
	 */
	static void tag(Path folder, int project) throws IOException {
		try (var top = NoFollow.folder(folder)) {
			var attributes = get(top);
			if ((attributes[0] & FS_XFLAG_PROJINHERIT) != 0 && attributes[1] == project) {
				return;
			}
			tagBelow(top, project);
			set(top, project, true);
		}
	}

	/**
	 * Puts what lies at the names below the root into the project, or into none (0) with nothing passed on: before
	 * the drive renames it between places counted for different people, which the kernel refuses otherwise.
	 */
	static void retag(Path root, List<String> names, int project) throws IOException {
		try (var top = NoFollow.folder(root); var parent = NoFollow.folder(top, names.subList(0, names.size() - 1))) {
			var name = names.getLast();
			Item item;
			try {
				item = new Item(NoFollow.folder(parent, name), true);
			}
			catch (java.nio.file.NotDirectoryException notAFolder) {
				item = new Item(NoFollow.file(parent, name), false);
			}
			try (var opened = item.opened()) {
				if (item.folder()) {
					tagBelow(opened, project);
				}
				set(opened, project, item.folder() && project != 0);
			}
		}
	}

	private record Item(NoFollow.Opened opened, boolean folder) {
	}

	private static void tagBelow(NoFollow.Opened top, int project) throws IOException {
		NoFollow.walk(top, (parent, path, attributes) -> {
			var name = path.getLast();
			try {
				if (attributes.isDirectory()) {
					try (var inside = NoFollow.folder(parent, name)) {
						set(inside, project, project != 0);
					}
					return true;
				}
				if (attributes.isRegularFile()) {
					try (var file = NoFollow.file(parent, name)) {
						set(file, project, false);
					}
				}
			}
			catch (FileSystemException swappedOrGone) {
				// no longer what was listed; what is made instead inherits the project of its folder
			}
			return false;
		});
	}

	/** The bytes the project takes, as the kernel counts them. */
	static long used(Path onTheFilesystem, int project) throws IOException {
		try (var opened = NoFollow.folder(onTheFilesystem)) {
			return quota(opened, project, Q_GETQUOTA).get(JAVA_LONG, 16);
		}
	}

	/** Sets the project's hard limit of blocks; 0 bytes is one kilobyte, since no limit at all is written 0. */
	static void limit(Path onTheFilesystem, int project, long bytes) throws IOException {
		try (var opened = NoFollow.folder(onTheFilesystem); var arena = Arena.ofConfined()) {
			var dqblk = arena.allocate(72, 8);
			dqblk.set(JAVA_LONG, 0, Math.max(1, Math.ceilDiv(bytes, 1024)));
			dqblk.set(JAVA_INT, 64, QIF_BLIMITS);
			quotactl(opened, project, Q_SETQUOTA, dqblk);
		}
	}

	private static MemorySegment quota(NoFollow.Opened opened, int project, long command) throws IOException {
		var dqblk = Arena.ofAuto().allocate(72, 8);
		quotactl(opened, project, command, dqblk);
		return dqblk;
	}

	private static void quotactl(NoFollow.Opened opened, int project, long command, MemorySegment dqblk)
			throws IOException {
		Native.call(() -> {
			try (var arena = Arena.ofConfined()) {
				var state = Native.state(arena);
				if ((long) SYSCALL.invokeExact(state, SYS_QUOTACTL_FD, (long) opened.fd(), command, (long) project,
						dqblk) != 0) {
					throw Native.failure("quotas of " + opened.name(), Native.errno(state));
				}
				return null;
			}
		});
	}

	/** The flags and project id of what is open. */
	private static int[] get(NoFollow.Opened opened) throws IOException {
		return Native.call(() -> {
			try (var arena = Arena.ofConfined()) {
				var state = Native.state(arena);
				var fsxattr = arena.allocate(28, 4);
				if ((int) IOCTL.invokeExact(state, opened.fd(), FS_IOC_FSGETXATTR, fsxattr) != 0) {
					throw Native.failure(opened.name(), Native.errno(state));
				}
				return new int[] { fsxattr.get(JAVA_INT, 0), fsxattr.get(JAVA_INT, 12) };
			}
		});
	}

	private static void set(NoFollow.Opened opened, int project, boolean inherit) throws IOException {
		Native.call(() -> {
			try (var arena = Arena.ofConfined()) {
				var state = Native.state(arena);
				var fsxattr = arena.allocate(28, 4);
				if ((int) IOCTL.invokeExact(state, opened.fd(), FS_IOC_FSGETXATTR, fsxattr) != 0) {
					throw Native.failure(opened.name(), Native.errno(state));
				}
				var flags = fsxattr.get(JAVA_INT, 0);
				fsxattr.set(JAVA_INT, 0, inherit ? flags | FS_XFLAG_PROJINHERIT : flags & ~FS_XFLAG_PROJINHERIT);
				fsxattr.set(JAVA_INT, 12, project);
				if ((int) IOCTL.invokeExact(state, opened.fd(), FS_IOC_FSSETXATTR, fsxattr) != 0) {
					throw Native.failure(opened.name(), Native.errno(state));
				}
				return null;
			}
		});
	}

	private static long qcmd(int command) {
		return ((long) command << 8 | 2) & 0xffffffffL;
	}
}
