package org.cloudroom.gateway;

/** What a connection may do: control the desktop, or only watch it (every input message is dropped). */
public enum Mode {
	CONTROL, VIEW
}
