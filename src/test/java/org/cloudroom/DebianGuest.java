package org.cloudroom;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * A virtual machine with what a current distribution's host has and this project's machines lack: Debian's kernel,
 * which has project quotas (ext4, {@code CONFIG_QFMT_V2}), and cgroup v2 mounted alone. QEMU boots it on this
 * host's own files, shared read-only (the JDK, bubblewrap, Xvnc, the compiled classes and their jars), and runs JUnit
 * tests there as root, as the server runs, with a writable /tmp as their working folder. The resources in
 * {@code debian-guest} say how: {@code build} makes it, {@code init} and {@code run} start it. It needs
 * qemu-system-x86 and busybox-static, and apt to fetch the kernel once. KVM runs it where the processor virtualises
 * an unmodified kernel (vmx or svm); elsewhere, such as under a paravirtualised KVM without either, QEMU emulates the
 * processor, about ten times slower.
 */
public final class DebianGuest {

	private static final Path FOLDER = Path.of("target", "debian-guest").toAbsolutePath();
	private static final Path RESOURCES = Path.of("target", "test-classes", "debian-guest").toAbsolutePath();

	/**
	 * What the guest saw: its cgroup mounts, and how each test ended ({@code passed}, or what failed), by the name
	 * JUnit reports ({@code method()}); its console says the rest.
	 */
	public record Report(String cgroups, Map<String, String> outcomes, String console) {
	}

	private DebianGuest() {
	}

	/** Boots the guest, runs the test methods in it and waits for them, at most {@code timeout}. */
	public static Report run(List<Method> tests, Duration timeout) throws IOException, InterruptedException {
		Files.createDirectories(FOLDER);
		var build = new ProcessBuilder("/bin/sh", RESOURCES.resolve("build").toString(), FOLDER.toString())
			.redirectErrorStream(true).start();
		var built = new String(build.getInputStream().readAllBytes());
		if (build.waitFor() != 0) {
			throw new IllegalStateException("could not make the Debian guest in " + FOLDER + ":\n" + built);
		}
		var out = FOLDER.resolve("out");
		if (Files.exists(out)) {
			try (var walk = Files.walk(out)) {
				for (var path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
		Files.createDirectories(out);
		Files.writeString(out.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java").toString());
		var args = new ArrayList<>(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"--enable-native-access=ALL-UNNAMED", "-cp",
				System.getProperty("java.class.path"), "org.junit.platform.console.ConsoleLauncher", "execute",
				"--disable-banner", "--disable-ansi-colors", "--details=tree", "--reports-dir=" + out.resolve("reports")));
		tests.forEach(test -> args.add("--select-method=" + test.getDeclaringClass().getName() + "#" + test.getName()));
		// quoted: in java's argument files, # starts a comment
		Files.writeString(out.resolve("java.args"), args.stream().map(arg -> '"' + arg + '"')
			.collect(Collectors.joining("\n")));
		var console = FOLDER.resolve("console.log");
		var qemu = new ProcessBuilder(qemu(out)).redirectErrorStream(true).redirectOutput(console.toFile()).start();
		if (!qemu.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			qemu.destroyForcibly().waitFor();
			throw new IllegalStateException("the Debian guest did not finish within " + timeout + "; its console:\n"
					+ Files.readString(console));
		}
		var report = out.resolve("reports").resolve("TEST-junit-jupiter.xml");
		if (!Files.exists(report)) {
			throw new IllegalStateException("the Debian guest reported nothing; its console:\n"
					+ Files.readString(console));
		}
		return new Report(Files.readString(out.resolve("cgroups")), outcomes(report), Files.readString(console));
	}

	private static List<String> qemu(Path out) throws IOException {
		var cpu = Files.readString(Path.of("/proc/cpuinfo"));
		var kvm = Files.isWritable(Path.of("/dev/kvm")) && (cpu.contains(" vmx") || cpu.contains(" svm"));
		return List.of("qemu-system-x86_64", "-accel", kvm ? "kvm" : "tcg,thread=multi", "-cpu", kvm ? "host" : "max",
				"-smp", "2", "-m", "3072", "-nodefaults", "-no-user-config", "-display", "none", "-no-reboot",
				"-serial", "stdio", "-kernel", FOLDER.resolve("vmlinuz").toString(),
				"-initrd", FOLDER.resolve("initramfs.cpio").toString(),
				"-append", "console=ttyS0 quiet panic=-1 -- /bin/sh " + RESOURCES.resolve("run") + " " + out,
				"-virtfs", "local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap",
				"-virtfs", "local,path=" + out + ",mount_tag=out,security_model=none");
	}

	/** Each test case of a JUnit XML report: {@code passed}, or the failure's message and type. */
	private static Map<String, String> outcomes(Path report) throws IOException {
		try {
			var cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
				.getElementsByTagName("testcase");
			var outcomes = new LinkedHashMap<String, String>();
			for (int i = 0; i < cases.getLength(); i++) {
				var testCase = (Element) cases.item(i);
				var outcome = "passed";
				for (var kind : List.of("failure", "error", "skipped")) {
					var found = testCase.getElementsByTagName(kind);
					if (found.getLength() > 0) {
						var element = (Element) found.item(0);
						outcome = kind + ": " + element.getAttribute("type") + ": " + element.getAttribute("message");
					}
				}
				outcomes.put(testCase.getAttribute("name"), outcome);
			}
			return outcomes;
		}
		catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
			throw new IOException("unreadable report " + report, e);
		}
	}
}
