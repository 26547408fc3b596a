/**
 * Drive: each person's files, which are also their desktop's home directory; class folders for materials and
 * hand-in; quotas and trash. Its web pages and JSON API are its own. To other modules it offers {@link
 * org.cloudroom.drive.Homes} (where each home lies), {@link org.cloudroom.drive.ClassFolders} (the class folders a
 * desktop mounts), {@link org.cloudroom.drive.DriveSpace} (a home's quota around a desktop's life) and {@link
 * org.cloudroom.drive.Homework} (a student's assignments, for their home page); it publishes {@link
 * org.cloudroom.drive.HomeFull}. It asks {@link org.cloudroom.drive.HomeOwners}, which the desktops module provides,
 * whose uid a home's files belong to, and keeps the homes behind the SPI {@link org.cloudroom.drive.spi.HomeStorage}
 * ({@code local}: this machine's disk or a mounted shared filesystem).
 */
@NullMarked
package org.cloudroom.drive;

import org.jspecify.annotations.NullMarked;
