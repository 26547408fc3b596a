package org.cloudroom.rfb;

/**
 * The desktop's ServerInit message: its size, pixel format and name, and the message's bytes as the desktop sent
 * them, to be relayed to a browser unchanged.
 */
public record ServerInit(int width, int height, String name, byte[] bytes) {
}
