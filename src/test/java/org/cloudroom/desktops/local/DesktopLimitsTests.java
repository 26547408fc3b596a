package org.cloudroom.desktops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.cloudroom.desktops.StudentTerminal;
import org.cloudroom.desktops.spi.DesktopSpec;
import org.cloudroom.desktops.spi.RunningDesktop;
import org.cloudroom.rfb.RfbClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kernel's limits of a desktop, met from its own terminal as a student would meet them: its memory (what it keeps
 * in /tmp and /dev/shm included), its processes and its share of the CPU. What one desktop does leaves its neighbour
 * answering its viewer.
 */
class DesktopLimitsTests {

	private static final long MB = 1024 * 1024;
	private static final DesktopSpec.Limits SMALL = new DesktopSpec.Limits(256 * MB, 100);
	/** Far beyond what a first frame or a key takes on any machine this runs on; only a starved desktop misses it. */
	private static final Duration ANSWERS = Duration.ofSeconds(15);

	@RegisterExtension
	final LocalDesktops desktops = new LocalDesktops("k-", 265_000);

	@Test
	void aDesktopThatFillsItsSharedMemoryAndTmpStopsAtAQuarterOfItsMemoryEach() throws Exception {
		var student = spec("fill-li");
		var terminal = terminal(start(student), student);

		var shm = terminal.run("dd if=/dev/zero of=/dev/shm/fill bs=1M count=1024 2>&1; du -m /dev/shm/fill");
		var tmp = terminal.run("dd if=/dev/zero of=/tmp/fill bs=1M count=1024 2>&1; du -m /tmp/fill");

		assertThat(shm.output()).contains("No space left on device").endsWith("64\t/dev/shm/fill\n");
		assertThat(tmp.output()).contains("No space left on device").endsWith("64\t/tmp/fill\n");
	}

	@Test
	void aDesktopThatForksWithoutEndStopsAtItsProcessLimitAndTheLimitIsCounted() throws Exception {
		var student = spec("fork-wang");
		var desktop = start(student);

		var forks = terminal(desktop, student).run("""
				python3 -c '
				import os, time
				n = 0
				try:
				    while n < 2000:
				        if os.fork() == 0:
				            time.sleep(20); os._exit(0)
				        n += 1
				except OSError as e:
				    print("refused after", n, e.strerror)
				'
				""");

		assertThat(forks.output()).startsWith("refused after").contains("Resource temporarily unavailable");
		assertThat(Integer.parseInt(forks.output().split(" ")[2])).isLessThan(SMALL.processes());
		await().atMost(Duration.ofSeconds(5)).until(() -> desktops.provider().limitHits(desktop).processes() > 0);
		assertThat(desktops.provider().isAlive(desktop)).isTrue();
	}

	@Test
	void aProgramThatTakesMoreThanTheDesktopsMemoryIsEndedAndTheDesktopStays() throws Exception {
		var student = spec("memory-zhao");
		var desktop = start(student);

		var hog = terminal(desktop, student).run("python3 -c 'a = b\"x\" * (600 * 1024 * 1024); print(\"allocated\")'");

		assertThat(hog.exitCode()).as(hog.output()).isEqualTo(137);
		assertThat(hog.output()).doesNotContain("allocated");
		assertThat(desktops.provider().limitHits(desktop).memory()).isPositive();
		assertThat(desktops.provider().isAlive(desktop)).isTrue();
		try (var viewer = RfbClient.open(desktops.provider().connect(desktop), null)) {
			assertThat(viewer.name()).isEqualTo("memory-zhao");
		}
	}

	@Test
	void aNeighbourKeepsAnsweringItsViewerWhileADesktopSpinsForksAndFillsItsMemory() throws Exception {
		var hogger = spec("hog-chen");
		var neighbour = spec("neighbour-xu");
		var hog = start(hogger);
		var quiet = start(neighbour);
		var editor = terminal(quiet, neighbour).start("exec xterm -geometry 40x10+0+0");
		var hogs = terminal(hog, hogger).start("""
				for i in 1 2 3 4 5 6 7 8; do (while :; do :; done) & done
				python3 -c 'a = b"x" * (200 * 1024 * 1024); import time; time.sleep(60)' &
				i=0; while [ $i -lt 500 ]; do sleep 60 & i=$((i + 1)); done
				wait
				""");
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> terminal(quiet, neighbour)
				.run("xdotool search --onlyvisible --class xterm").exitCode() == 0);

			var frame = CompletableFuture.supplyAsync(() -> firstFrame(quiet));
			assertThat(frame.get(ANSWERS.toSeconds(), TimeUnit.SECONDS)).isPositive();
			var typed = CompletableFuture.supplyAsync(() -> keyShown(quiet));
			assertThat(typed.get(ANSWERS.toSeconds(), TimeUnit.SECONDS)).isTrue();
		}
		finally {
			hogs.destroyForcibly();
			editor.destroyForcibly();
		}
	}

	/** Connects as a viewer would and waits for the whole screen; its version, once drawn. */
	private long firstFrame(RunningDesktop desktop) {
		try (var viewer = RfbClient.open(desktops.provider().connect(desktop), null)) {
			viewer.requestUpdate(false);
			while (viewer.framebuffer().version() == 0) {
				viewer.read();
			}
			return viewer.framebuffer().version();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Types a key into the desktop's focused window and waits until the screen shows a change. */
	private boolean keyShown(RunningDesktop desktop) {
		try (var channel = desktops.provider().connect(desktop); var viewer = RfbClient.open(channel, null)) {
			viewer.requestUpdate(false);
			while (viewer.framebuffer().version() == 0) {
				viewer.read();
			}
			var before = viewer.framebuffer().version();
			for (var down : new byte[] { 1, 0 }) {
				channel.write(ByteBuffer.allocate(8).put((byte) 4).put(down).putShort((short) 0).putInt('x').flip());
			}
			while (viewer.framebuffer().version() == before) {
				viewer.requestUpdate(true);
				viewer.read();
			}
			return true;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private DesktopSpec spec(String username) {
		return desktops.spec(username, Locale.ENGLISH, 800, 600).withLimits(SMALL);
	}

	private RunningDesktop start(DesktopSpec spec) throws Exception {
		return desktops.start(spec);
	}

	private StudentTerminal terminal(RunningDesktop desktop, DesktopSpec spec) {
		return desktops.terminal(desktop, spec);
	}

	private static List<ProcessHandle> tree(RunningDesktop desktop) {
		return LocalDesktops.tree(desktop);
	}
}
