package org.cloudroom.accounts;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Where a login attempt comes from: the address the server sees, which behind a trusted proxy is the browser's
 * address that the proxy forwards. An IPv6 address counts as its /64 network, which one home or one attacker
 * holds whole.
 */
record LoginSource(String address) {

	static LoginSource of(String remoteAddress) {
		try {
			if (InetAddress.ofLiteral(remoteAddress) instanceof Inet6Address v6) {
				var network = Arrays.copyOf(v6.getAddress(), 16);
				Arrays.fill(network, 8, 16, (byte) 0);
				return new LoginSource(InetAddress.getByAddress(network).getHostAddress() + "/64");
			}
			return new LoginSource(remoteAddress);
		}
		catch (IllegalArgumentException | java.net.UnknownHostException e) {
			return new LoginSource(remoteAddress);
		}
	}
}
