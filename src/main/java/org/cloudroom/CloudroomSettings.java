package org.cloudroom;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every module shares: the data folder (homes, class folders, the embedded database, the school certificates;
 * {@code cloudroom.data}, default {@code ./data}) and the schools' time zone ({@code cloudroom.time-zone}, default
 * Asia/Shanghai), in which lessons, due times and the days of study time are reckoned.
 */
@ConfigurationProperties("cloudroom")
public record CloudroomSettings(Path data, @DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
