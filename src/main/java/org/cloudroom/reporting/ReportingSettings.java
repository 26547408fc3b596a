package org.cloudroom.reporting;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reporting, under {@code cloudroom.reporting}.
 *
 * @param timeZone where the program's days begin and end: a minute studied at 23:30 counts on that local day
 */
@ConfigurationProperties("cloudroom.reporting")
public record ReportingSettings(@DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
