/**
 * The RFB (VNC) protocol as plain Java, no framework: the version and security handshake on both sides, the
 * framing of every client-to-server message so that a gateway knows what each byte is, and a small client that
 * keeps a copy of a desktop's screen for thumbnails. This is the one place that parses bytes from the network; it
 * is fuzzed.
 */
@NullMarked
package org.cloudroom.rfb;

import org.jspecify.annotations.NullMarked;
