package org.cloudroom.rfb;

import java.io.IOException;

/** The peer broke the RFB protocol, or asked for more than the limits allow; the connection is to be closed. */
public class RfbException extends IOException {

	public RfbException(String reason) {
		super(reason);
	}
}
