/**
 * The RFB (VNC) protocol as plain Java, no framework: the version and security handshake on both sides, and the
 * framing of every client-to-server message so that a gateway knows what each byte is. This is the one place that
 * parses bytes from the network; it is fuzzed.
 */
@NullMarked
package org.cloudroom.rfb;

import org.jspecify.annotations.NullMarked;
