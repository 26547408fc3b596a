package org.cloudroom.desktops.spi;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * Runs desktops. The broker calls it from many threads at once, never twice at the same time for one desktop.
 * A desktop's VNC server must accept RFB 3.8 with security None or VNC authentication, and be reachable only by
 * the Cloudroom server.
 */
public interface DesktopProvider {

	/**
	 * Starts the desktop and returns once its VNC server accepts connections, or cleans up and throws. The rest of
	 * its session (window manager, input method) may wait for {@link #startSession}.
	 */
	RunningDesktop start(DesktopSpec spec) throws DesktopStartException;

	/**
	 * Lets a started desktop start the rest of its session. The broker calls it once no other desktop waits for its
	 * first frame, so that a class starting together sees every screen before anyone's taskbar; a desktop that waits
	 * longer than a few seconds goes on by itself. Providers that start whole desktops ignore it.
	 */
	default void startSession(RunningDesktop desktop) {
	}

	/** Whether the desktop still runs and answers; false for a crashed one. */
	boolean isAlive(RunningDesktop desktop);

	/** Stops the desktop: its session gets a moment to close, then every process of it ends; nothing is left. */
	void stop(RunningDesktop desktop);

	/** A new connection to the desktop's VNC server. */
	SocketChannel connect(RunningDesktop desktop) throws IOException;

	/** Stops every desktop this provider runs that is not among {@code known}: leftovers of a crash. */
	void stopAllBut(Collection<RunningDesktop> known);

	/**
	 * Offers these programs in the running desktop's start menu and as its desktop icons from now on, besides the
	 * desktop's own, within seconds and without disturbing what runs. Providers that cannot do so live leave it to the next start.
	 */
	default void applyMenu(RunningDesktop desktop, List<MenuEntry> menu) {
	}

	/** The VNC password the gateway answers with, if the provider's desktops ask for one. */
	default byte @Nullable [] vncPassword(RunningDesktop desktop) {
		return null;
	}

	/** The memory the desktop uses (proportional set size), when the provider can tell. */
	default OptionalLong memoryBytes(RunningDesktop desktop) {
		return OptionalLong.empty();
	}

	/** How often the desktop met its limits since it started, when the provider enforces and counts them. */
	default LimitHits limitHits(RunningDesktop desktop) {
		return LimitHits.NONE;
	}

	/** Bytes of memory still free for new desktops, when the provider can tell. */
	default OptionalLong availableMemoryBytes() {
		return OptionalLong.empty();
	}
}
