package org.cloudroom.desktops.spi;

/** A desktop could not be started; whatever was half-started has been cleaned up. */
public class DesktopStartException extends Exception {

	public DesktopStartException(String message, Throwable cause) {
		super(message, cause);
	}

	public DesktopStartException(String message) {
		super(message);
	}
}
