package org.cloudroom.desktops.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cloudroom.desktops.spi.DesktopSpec;

/**
 * The command line that runs a desktop session in a bubblewrap sandbox: the system read-only, the person's home
 * the only writable persistent place, a private /tmp and /dev/shm, its own pid, IPC and UTS namespaces, and no
 * view of other homes, other desktops' sockets or the server's data. As root, the sandbox runs under the person's
 * own uid; otherwise under the server's.
 */
final class Sandbox {

	/** Where the session finds its socket directory and configuration inside the sandbox. */
	static final String RUN = "/run/cloudroom";
	static final String SESSION = "/run/cloudroom-session";
	/** Where the system's xkbcomp stays reachable under the session's own (desktop/xkbcomp). */
	private static final String XKBCOMP = "/run/cloudroom-xkb/xkbcomp";

	private Sandbox() {
	}

	static List<String> command(DesktopSpec spec, Path runDirectory, Path sessionDirectory, Path look,
			boolean asRoot, boolean opengl, boolean ownNetwork) {
		var home = "/home/" + spec.username();
		var command = new ArrayList<String>(List.of("setsid"));
		if (asRoot) {
			command.addAll(List.of("setpriv", "--reuid=" + spec.uid(), "--regid=" + spec.uid(), "--clear-groups",
					"--inh-caps=-all", "--"));
		}
		command.addAll(List.of("bwrap", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
				"--new-session", "--hostname", "cloudroom"));
		if (ownNetwork) {
			// its own loopback, and an interface the server connects (desktop/network) with DNS at 10.0.2.3
			command.addAll(List.of("--unshare-net"));
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
		command.addAll(List.of("--ro-bind", "/etc", "/etc",
				"--ro-bind", runDirectory.resolve("passwd").toString(), "/etc/passwd",
				"--ro-bind", runDirectory.resolve("group").toString(), "/etc/group",
				"--ro-bind-try", "/var/cache/fontconfig", "/var/cache/fontconfig",
				"--ro-bind-try", "/var/lib/dbus", "/var/lib/dbus",
				"--ro-bind", "/sys", "/sys",
				"--proc", "/proc", "--dev", "/dev", "--tmpfs", "/dev/shm", "--tmpfs", "/tmp", "--tmpfs", "/run",
				// X's socket folder and the session's runtime folder, made here rather than by two more programs
				"--perms", "1777", "--dir", "/tmp/.X11-unix", "--perms", "0700", "--dir", "/tmp/runtime",
				// Xvnc's keyboard map, compiled once by the server (desktop/xkbcomp says how)
				"--ro-bind", "/usr/bin/xkbcomp", XKBCOMP, "--ro-bind", sessionDirectory.resolve("xkbcomp").toString(),
				"/usr/bin/xkbcomp", "--symlink", SESSION + "/keymap.xkm", "/tmp/server-1.xkm",
				"--bind", runDirectory.toString(), RUN,
				"--ro-bind", sessionDirectory.toString(), SESSION,
				"--ro-bind", look.toString(), DesktopLook.IN_SANDBOX,
				"--bind", spec.home().toString(), home));
		command.addAll(mounts(spec.mounts(), home));
		if (ownNetwork) {
			command.addAll(List.of("--ro-bind", sessionDirectory.resolve("resolv.conf").toString(), resolvConf()));
		}
		command.addAll(List.of("--clearenv",
				"--setenv", "HOME", home, "--setenv", "USER", spec.username(), "--setenv", "LOGNAME", spec.username(),
				"--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games",
				"--setenv", "LANG", posixLocale(spec.locale()), "--setenv", "LANGUAGE", language(spec.locale()),
				"--setenv", "CLOUDROOM_GEOMETRY", spec.width() + "x" + spec.height(),
				"--setenv", "CLOUDROOM_NAME", spec.username(),
				"--setenv", "CLOUDROOM_OPENGL", opengl ? "1" : "0",
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
			args.addAll(List.of("--perms", "0555", "--tmpfs", home + "/" + top));
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

	/** Where the system's resolver configuration is read: /etc/resolv.conf, or where that link leads (systemd). */
	private static String resolvConf() {
		var path = Path.of("/etc/resolv.conf");
		try {
			return Files.isSymbolicLink(path) ? path.toRealPath().toString() : path.toString();
		}
		catch (java.io.IOException e) {
			return path.toString();
		}
	}

	private static String readLink(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
