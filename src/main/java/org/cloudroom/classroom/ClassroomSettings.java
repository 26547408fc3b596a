package org.cloudroom.classroom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the computer room, under {@code cloudroom.classroom}.
 *
 * @param warmStart how long before a timetabled lesson the class's desktops are started, so they are there when the
 * bell rings; {@code 0} starts none ahead
 * @param warmCheckEvery how often the timetable is looked at for lessons to warm
 * @param thumbnailsIdle how long after the last request for a desktop's thumbnail (the teacher's wall asks while it
 * is open) the desktop stops being watched; looked at every half of it
 */
@ConfigurationProperties("cloudroom.classroom")
record ClassroomSettings(@DefaultValue("5m") Duration warmStart, @DefaultValue("30s") Duration warmCheckEvery,
		@DefaultValue("10s") Duration thumbnailsIdle) {
}
