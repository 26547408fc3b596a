package org.cloudroom.desktops.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cloudroom.desktops.spi.DesktopSpec;

/**
 * The command line that runs a desktop session in a bubblewrap sandbox: the system read-only, the person's home
 * the only writable persistent place, a private /tmp and /dev/shm of a quarter of the desktop's memory each, its
 * own user, pid, IPC and UTS namespaces (and network, {@code desktop/network}), no further user namespaces, only
 * the parts of /etc ({@link HostEtc}) and /sys a desktop needs, and no view of other homes, other desktops or
 * the server's data. As root, the sandbox runs under the person's own uid; otherwise under the server's.
 */
final class Sandbox {

	/** Where the session finds its IceWM configuration and its socket folder inside the sandbox. */
	static final String RUN = "/run/cloudroom";
	static final String SESSION = "/run/cloudroom-session";
	/** Where the system's xkbcomp stays reachable under the session's own (desktop/xkbcomp). */
	private static final String XKBCOMP = "/run/cloudroom-xkb/xkbcomp";
	private static final Path ETC = Path.of("/etc");

	/**
	 * How the sandbox is made.
	 *
	 * @param asRoot whether the server runs as root, and so the sandbox under the person's uid
	 * @param opengl whether Xvnc offers OpenGL
	 * @param ownNetwork whether the sandbox has a network of its own, which the server connects
	 * @param etc the folder that is the sandbox's /etc ({@link HostEtc})
	 * @param frameRate the frames a second at which Xvnc sends the screen's changes
	 */
	record Options(boolean asRoot, boolean opengl, boolean ownNetwork, Path etc, int frameRate) {
	}

	private Sandbox() {
	}

	static List<String> command(DesktopSpec spec, RunDirectory run, Path sessionDirectory, Path look,
			Options options) {
		var home = "/home/" + spec.username();
		var command = new ArrayList<String>(List.of("setsid"));
		if (options.asRoot()) {
			command.addAll(List.of("setpriv", "--reuid=" + spec.uid(), "--regid=" + spec.uid(), "--clear-groups",
					"--inh-caps=-all", "--"));
		}
		command.addAll(List.of("bwrap", "--unshare-user", "--disable-userns", "--unshare-pid", "--unshare-ipc",
				"--unshare-uts", "--unshare-cgroup-try", "--new-session", "--hostname",
				"cloudroom"));
		if (options.ownNetwork()) {
			// its own loopback, and an interface the server connects (desktop/network) with DNS at 10.0.2.3
			command.add("--unshare-net");
		}
		for (var top : List.of("usr", "bin", "lib", "lib64", "sbin")) {
			var path = Path.of("/", top);
			if (Files.isSymbolicLink(path)) {
				command.addAll(List.of("--symlink", readLink(path), "/" + top));
			}
			else if (Files.isDirectory(path)) {
				command.addAll(List.of("--ro-bind", "/" + top, "/" + top));
			}
		}
		var memory = spec.limits().memoryBytes();
		command.addAll(List.of("--ro-bind", options.etc().toString(), "/etc"));
		for (var own : HostEtc.OWN) {
			command.addAll(List.of("--ro-bind", run.file(own).toString(), "/etc/" + own));
		}
		command.addAll(List.of(
				"--ro-bind-try", "/var/cache/fontconfig", "/var/cache/fontconfig",
				"--ro-bind", run.file("machine-id").toString(), "/var/lib/dbus/machine-id",
				// the processor count and layout programs size themselves by; nothing of the host's devices
				"--ro-bind-try", "/sys/devices/system/cpu", "/sys/devices/system/cpu",
				"--ro-bind-try", "/sys/devices/system/node", "/sys/devices/system/node",
				"--proc", "/proc", "--dev", "/dev",
				"--size", Long.toString(memory / 4), "--tmpfs", "/dev/shm",
				"--size", Long.toString(memory / 4), "--tmpfs", "/tmp",
				"--size", Long.toString(8L * 1024 * 1024), "--tmpfs", "/run",
				// X's socket folder and the session's runtime folder, made here rather than by two more programs
				"--perms", "1777", "--dir", "/tmp/.X11-unix", "--perms", "0700", "--dir", "/tmp/runtime",
				// Xvnc's keyboard map, compiled once by the server (desktop/xkbcomp says how)
				"--ro-bind", "/usr/bin/xkbcomp", XKBCOMP, "--ro-bind", sessionDirectory.resolve("xkbcomp").toString(),
				"/usr/bin/xkbcomp", "--symlink", SESSION + "/keymap.xkm", "/tmp/server-1.xkm",
				"--ro-bind", run.icewm().toString(), RUN + "/icewm",
				"--bind", run.vnc().toString(), RUN + "/vnc",
				"--ro-bind", sessionDirectory.toString(), SESSION,
				"--ro-bind", look.toString(), DesktopLook.IN_SANDBOX,
				"--bind", spec.home().toString(), home));
		command.addAll(mounts(spec.mounts(), home));
		// what bubblewrap made on the way (/, /home, /var) is read-only: only the home, /tmp, /dev/shm and /run
		// are written, and all but the home are kept in memory the desktop is charged for
		command.addAll(List.of("--remount-ro", "/"));
		command.addAll(List.of("--clearenv",
				"--setenv", "HOME", home, "--setenv", "USER", spec.username(), "--setenv", "LOGNAME", spec.username(),
				"--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games",
				"--setenv", "LANG", posixLocale(spec.locale()), "--setenv", "LANGUAGE", language(spec.locale()),
				"--setenv", "CLOUDROOM_GEOMETRY", spec.width() + "x" + spec.height(),
				"--setenv", "CLOUDROOM_NAME", spec.username(),
				"--setenv", "CLOUDROOM_OPENGL", options.opengl() ? "1" : "0",
				"--setenv", "CLOUDROOM_FRAME_RATE", Integer.toString(options.frameRate()),
				"--setenv", "TZ", spec.timeZone().getId(),
				"--chdir", home,
				"/bin/sh", SESSION + "/session.sh"));
		return command;
	}

	/**
	 * Each mount's top folder in the home becomes a read-only tmpfs holding the folders on the way to the mounts,
	 * so nothing saved there is lost unseen and the home's own folder of that name stays as it is.
	 */
	private static List<String> mounts(List<DesktopSpec.Mount> mounts, String home) {
		var args = new ArrayList<String>();
		var tops = new java.util.LinkedHashSet<String>();
		for (var mount : mounts) {
			tops.add(mount.target().split("/", 2)[0]);
		}
		for (var top : tops) {
			args.addAll(List.of("--perms", "0555", "--size", "1048576", "--tmpfs", home + "/" + top));
		}
		for (var mount : mounts) {
			args.addAll(List.of("--dir", home + "/" + mount.target()));
		}
		for (var top : tops) {
			args.addAll(List.of("--remount-ro", home + "/" + top));
		}
		for (var mount : mounts) {
			args.addAll(List.of(mount.writable() ? "--bind" : "--ro-bind", mount.source().toString(),
					home + "/" + mount.target()));
		}
		return args;
	}

	/** The line of /etc/passwd that names the desktop's uid, so programs know who they run as. */
	static String passwdLine(DesktopSpec spec) {
		return "%s:x:%d:%d:%s:/home/%s:/bin/bash%n".formatted(spec.username(), spec.uid(), spec.uid(),
				spec.username(), spec.username());
	}

	static String posixLocale(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? "zh_CN.UTF-8" : "en_US.UTF-8";
	}

	private static String language(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? "zh_CN:zh" : "en_US:en";
	}

	private static String readLink(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
