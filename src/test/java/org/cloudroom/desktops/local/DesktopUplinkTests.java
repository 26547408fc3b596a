package org.cloudroom.desktops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cloudroom.desktops.DesktopProcesses.XVNC;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cloudroom.desktops.DesktopProcesses;
import org.cloudroom.desktops.StudentTerminal;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A desktop sends no frames nobody asked for over a school's uplink: its programs draw without animations, its
 * browser scrolls without gliding, and its X server sends the screen's changes at the frame rate the server sets. Each
 * program runs as one the student opens from the desktop's menu: inside the desktop, with its session's
 * environment.
 */
class DesktopUplinkTests {

	@RegisterExtension
	final LocalDesktops desktops = new LocalDesktops("u-", 267_000);

	@Test
	void gtkProgramsOfANewDesktopRunWithoutAnimations() throws Exception {
		var student = spec("gtk-li");
		var terminal = sessionOf(student);

		var animations = terminal.run(fromTheMenu("gtk-query-settings gtk-enable-animations"));

		assertThat(animations.output()).as(animations.output()).contains("gtk-enable-animations: FALSE");
	}

	@Test
	void aStudentWhoTurnedGtkAnimationsOnKeepsThem() throws Exception {
		var student = spec("gtk-wang");
		var terminal = sessionOf(student);
		terminal.run("mkdir -p ~/.config/gtk-3.0 && printf '[Settings]\\ngtk-enable-animations=true\\n'"
				+ " > ~/.config/gtk-3.0/settings.ini");

		var animations = terminal.run(fromTheMenu("gtk-query-settings gtk-enable-animations"));

		assertThat(animations.output()).as(animations.output()).contains("gtk-enable-animations: TRUE");
	}

	@Test
	void theDesktopsBrowserScrollsWithoutGlidingAndAsksNoKeyringPassword() throws Exception {
		var student = spec("web-zhao");
		var desktop = desktops.start(student);
		awaitSession(desktop);
		var browser = terminal(desktop, student).start(fromTheMenu("chromium about:blank >/dev/null 2>&1"));
		try {
			var main = await().atMost(Duration.ofSeconds(60)).until(() -> browserProcess(browser),
					java.util.Optional::isPresent).orElseThrow();
			// a keyring's password prompt is a program of its own, which Chromium waits for before it shows a window
			await().atMost(Duration.ofSeconds(60)).until(() -> !keyringPrompts(desktop).isEmpty()
					|| terminal(desktop, student).run("xdotool search --onlyvisible --class chromium").exitCode() == 0);
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
				.until(() -> keyringPrompts(desktop), List::isEmpty);

			assertThat(keyringPrompts(desktop)).isEmpty();
			assertThat(commandLine(main)).contains("--disable-smooth-scrolling", "--password-store=basic");
		}
		finally {
			browser.destroy();
		}
	}

	@Test
	void theXServerSendsTheScreensChangesAtTheFrameRateTheServerSets() throws Exception {
		var tenFrames = new LocalDesktopProvider(desktops.data(), Duration.ofSeconds(15), false, true, "cloudroom",
				Clock.systemUTC(), 10);
		var slow = desktops.start(tenFrames, spec("frames-sun"));
		var usual = desktops.start(spec("frames-zhou"));

		assertThat(xServerArguments(slow)).containsSubsequence("-FrameRate", "10");
		assertThat(xServerArguments(usual)).containsSubsequence("-FrameRate",
				Integer.toString(LocalDesktopProvider.FRAME_RATE));
	}

	/** A desktop started, whose session (IceWM) runs, and a terminal in it. */
	private StudentTerminal sessionOf(DesktopSpec student) throws Exception {
		var desktop = desktops.start(student);
		awaitSession(desktop);
		return terminal(desktop, student);
	}

	private static void awaitSession(RunningDesktop desktop) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> DesktopProcesses.named(LocalDesktops.tree(desktop), "icewm").isPresent());
	}

	/** A command as IceWM's menu starts it: with the environment of the desktop's IceWM. */
	private static String fromTheMenu(String command) {
		return "xargs -0 -a /proc/$(pgrep -x -n icewm)/environ sh -c 'exec env -i \"$@\" " + command + "' menu";
	}

	/** Chromium's main process (not a renderer's, nor a helper's), started by the terminal's command. */
	private static java.util.Optional<ProcessHandle> browserProcess(Process started) {
		return started.descendants().filter(p -> p.info().command().orElse("").endsWith("/chromium"))
			.filter(p -> commandLine(p).stream().noneMatch(a -> a.startsWith("--type="))).findFirst();
	}

	/** A process's arguments as /proc shows them: Chromium rewrites its own, joined by spaces. */
	private static List<String> commandLine(ProcessHandle process) {
		try {
			return List.of(Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
				.split("[\\x00 ]"));
		}
		catch (java.io.IOException e) {
			return List.of();
		}
	}

	/**
	 * The keyring's password prompts running in the desktop. (Its daemon may run: Chromium asks the desktop's portal
	 * for a key, which the keyring keeps without asking the person anything.)
	 */
	private static List<String> keyringPrompts(RunningDesktop desktop) {
		return LocalDesktops.tree(desktop).stream().map(p -> p.info().command().orElse(""))
			.filter(c -> c.endsWith("/gcr-prompter")).toList();
	}

	private static List<String> xServerArguments(RunningDesktop desktop) throws Exception {
		return commandLine(DesktopProcesses.named(LocalDesktops.tree(desktop), XVNC).orElseThrow());
	}

	private StudentTerminal terminal(RunningDesktop desktop, DesktopSpec spec) {
		return desktops.terminal(desktop, spec);
	}

	private DesktopSpec spec(String username) {
		return desktops.spec(username, Locale.SIMPLIFIED_CHINESE, 1024, 768);
	}
}
