package org.cloudroom.desktops;

import java.time.Duration;

import org.cloudroom.desktops.local.LocalDesktopProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of desktops, under {@code cloudroom.desktops}.
 *
 * @param provider which {@code DesktopProvider} runs desktops: {@code local}
 * @param maxDesktops how many desktops this host runs at most
 * @param minFreeMemory a desktop starts only while the host has at least this much memory available
 * @param grace how long a desktop with nobody connected keeps running (a school may set its own)
 * @param width the width of a new desktop, in pixels
 * @param height its height
 * @param startTimeout how long a desktop may take to start
 * @param parallelStarts how many desktops start at the same time at most (0: one per processor core)
 * @param sessionWait how long a started desktop shows only its screen at most, while other desktops wait to start or
 *        for their first frame, before its taskbar and input method start (0: at once)
 * @param opengl whether desktops offer OpenGL (GLX, drawn in software by Mesa) to the programs that need it, such as
 *        3D programs and games; loading Mesa costs each desktop's X server half its start-up CPU, and a class of 25
 *        starting at once several seconds (docs/BENCHMARKS.md). The curated apps run without it.
 * @param ownNetwork whether each desktop has a network of its own (slirp4netns, when the server runs as root): the
 *        internet and the school's network as the host reaches them, but neither the host's own services on
 *        127.0.0.1 nor what another desktop listens on; without, desktops share the host's network
 * @param memoryLimit what a desktop's programs and the files it keeps in memory (/tmp, /dev/shm) may take at most,
 *        unless its school chose otherwise; the kernel ends its largest program beyond
 * @param processLimit how many processes a desktop may run at once, unless its school chose otherwise
 * @param maxMemoryLimit the most memory a school may give each of its desktops
 * @param controlGroup the control group, in each of the host's cgroup hierarchies, below which each desktop has its own
 * @param checkEvery how often crashed desktops are looked for, and idle ones past their grace period stopped
 * @param limitsEvery how often the limits running desktops met are looked at
 * @param sessionCheckEvery how often started desktops whose session waits are looked at
 * @param frameRate the frames a second at which a desktop's X server sends its screen's changes to viewers (Xvnc's
 *        FrameRate, 60 by its own default): while the screen changes all the time (a page scrolling, a video) fewer
 *        cost the school's uplink and the server's CPU less; a viewer that asks again at once may still get more
 *        updates than this (docs/BENCHMARKS.md)
 */
@ConfigurationProperties("cloudroom.desktops")
record DesktopsSettings(@DefaultValue("local") String provider, @DefaultValue("40") int maxDesktops,
		@DefaultValue("400MB") DataSize minFreeMemory, @DefaultValue("15m") Duration grace,
		@DefaultValue("1280") int width, @DefaultValue("720") int height,
		@DefaultValue("15s") Duration startTimeout, @DefaultValue("0") int parallelStarts,
		@DefaultValue("5s") Duration sessionWait, @DefaultValue("false") boolean opengl,
		@DefaultValue("true") boolean ownNetwork, @DefaultValue("1536MB") DataSize memoryLimit,
		@DefaultValue("512") int processLimit, @DefaultValue("4GB") DataSize maxMemoryLimit,
		@DefaultValue("cloudroom") String controlGroup, @DefaultValue("30s") Duration checkEvery,
		@DefaultValue("2s") Duration limitsEvery, @DefaultValue("250ms") Duration sessionCheckEvery,
		@DefaultValue("" + LocalDesktopProvider.FRAME_RATE) int frameRate) {

	DesktopsSettings {
		if (frameRate < 1 || frameRate > 60) {
			throw new IllegalArgumentException(
					"cloudroom.desktops.frame-rate must be between 1 and 60, not " + frameRate);
		}
		if (parallelStarts <= 0) {
			parallelStarts = Runtime.getRuntime().availableProcessors();
		}
	}
}
