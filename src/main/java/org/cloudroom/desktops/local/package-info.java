/** The {@code local} provider: TigerVNC's Xvnc and IceWM in a bubblewrap sandbox on this machine. */
@NullMarked
package org.cloudroom.desktops.local;

import org.jspecify.annotations.NullMarked;
