/**
 * Drive: each person's files, which are also their desktop's home directory. For now the place of the homes;
 * the web drive, class folders, quotas and trash come with the drive issue.
 */
@NullMarked
package org.cloudroom.drive;

import org.jspecify.annotations.NullMarked;
