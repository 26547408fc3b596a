/**
 * The RFB (VNC) protocol as plain Java, no framework: the version and security handshake on both sides ({@link
 * org.cloudroom.rfb.RfbHandshake}, {@link org.cloudroom.rfb.ServerInit}), the framing of every client-to-server
 * message so that a gateway knows what each byte is ({@link org.cloudroom.rfb.ClientMessageFramer}, {@link
 * org.cloudroom.rfb.ClientMessageKind}), and a small client that keeps a copy of a desktop's screen for thumbnails
 * ({@link org.cloudroom.rfb.RfbClient}, {@link org.cloudroom.rfb.Framebuffer}, {@link org.cloudroom.rfb.Encoding});
 * bytes that break the protocol are an {@link org.cloudroom.rfb.RfbException}. This is the one place that parses
 * bytes from the network; it is fuzzed.
 */
@NullMarked
package org.cloudroom.rfb;

import org.jspecify.annotations.NullMarked;
