/**
 * Gateway: the WebSocket endpoint {@code /gateway/desktops/{id}} a browser's noVNC talks to. It lets only the right
 * person in, does the VNC handshake with the desktop itself (no VNC secret reaches a browser), forwards the bytes
 * both ways, drops input on view-only or locked connections, meters active study time from the input it sees, and
 * shares a school's uplink among its connections by holding the frame requests of those that owe bytes.
 * It offers {@link org.cloudroom.gateway.Supervision}, the SPI through which the module that knows classes says who
 * may watch or control whom, with its {@link org.cloudroom.gateway.Mode}s; {@link
 * org.cloudroom.gateway.GatewayConnections}, to lock an owner's input or end the watchers of a desktop; and the
 * event {@link org.cloudroom.gateway.ActiveMinuteRecorded}.
 */
@NullMarked
package org.cloudroom.gateway;

import org.jspecify.annotations.NullMarked;
