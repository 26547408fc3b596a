/**
 * The few Linux system calls the drive needs that Java's file API lacks, called through the Foreign Function and
 * Memory API: opening what lies in a tree a desktop changes without following links and without blocking, and the
 * filesystem's project quotas.
 */
@NullMarked
package org.cloudroom.drive.posix;

import org.jspecify.annotations.NullMarked;
