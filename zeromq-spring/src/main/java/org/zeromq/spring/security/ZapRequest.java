package org.zeromq.spring.security;

import java.util.List;

/**
 * One ZAP request (RFC 27) as JeroMQ's handshake sends it to the context's handler: which
 * socket asks (its domain), about which peer address, with which mechanism and credentials.
 * The credentials come from the peer, untrusted: a PLAIN name and password, or a CURVE public
 * key of 32 bytes.
 *
 * @param domain the asking socket's ZAP domain
 * @param address the peer's IP address
 * @param mechanism NULL, PLAIN or CURVE
 * @param credentials the mechanism's credential frames
 */
record ZapRequest(String domain, String address, String mechanism, List<byte[]> credentials) {

	ZapRequest {
		credentials = List.copyOf(credentials);
	}

	// The credentials may hold a password.
	@Override
	public String toString() {
		return "ZapRequest[domain " + this.domain + ", address " + this.address + ", " + this.mechanism + "]";
	}

}
