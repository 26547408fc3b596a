/**
 * The storage behind the drive: the directory trees of the homes.
 */
@NullMarked
package org.cloudroom.drive.spi;

import org.jspecify.annotations.NullMarked;
