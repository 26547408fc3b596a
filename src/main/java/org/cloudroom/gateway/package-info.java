/**
 * Gateway: the WebSocket endpoint a browser's noVNC talks to. It lets only the right person in, does the VNC
 * handshake with the desktop itself (no VNC secret reaches a browser), forwards the bytes both ways, drops input
 * on view-only connections, and meters active study time from the input it sees.
 */
@NullMarked
package org.cloudroom.gateway;

import org.jspecify.annotations.NullMarked;
