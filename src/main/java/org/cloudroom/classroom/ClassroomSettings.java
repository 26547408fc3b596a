package org.cloudroom.classroom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the computer room, under {@code cloudroom.classroom}.
 *
 * @param warmStart how long before a timetabled lesson the class's desktops are started, so they are there when the
 * bell rings; {@code 0} starts none ahead
 */
@ConfigurationProperties("cloudroom.classroom")
public record ClassroomSettings(@DefaultValue("5m") Duration warmStart) {
}
