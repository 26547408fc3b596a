/**
 * The homes on this machine's disk (or a shared filesystem mounted on it): the default storage of the drive.
 */
@NullMarked
package org.cloudroom.drive.local;

import org.jspecify.annotations.NullMarked;
