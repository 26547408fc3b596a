package org.cloudroom.drive;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the drive, under {@code cloudroom.drive}.
 *
 * @param studentQuota how much a student may keep, unless the school admin sets otherwise for them
 * @param teacherQuota how much a teacher or school admin may keep
 * @param classMaterialsQuota how much the materials of one class may take
 * @param trashDays how long a deleted file can be restored
 * @param scanEvery how often the homes desktops write to are measured, to count what was saved from inside them
 * @param fullScanEvery how often every home is measured, whatever changed it (and at the server's start)
 * @param abandonedUploadAfter how long an upload in parts may go without a byte before it is removed: longer than
 *        the browser goes on trying after a lost connection (about a quarter of an hour)
 * @param fullEvery how often the homes of running desktops are looked at for having become full
 * @param sealEvery how often the hand-in folders of assignments now due are made read-only
 */
@ConfigurationProperties("cloudroom.drive")
record DriveSettings(@DefaultValue("2GB") DataSize studentQuota, @DefaultValue("10GB") DataSize teacherQuota,
		@DefaultValue("5GB") DataSize classMaterialsQuota,
		@DefaultValue("30") int trashDays, @DefaultValue("10m") Duration scanEvery,
		@DefaultValue("1d") Duration fullScanEvery, @DefaultValue("1h") Duration abandonedUploadAfter,
		@DefaultValue("3s") Duration fullEvery, @DefaultValue("30s") Duration sealEvery) {
}
