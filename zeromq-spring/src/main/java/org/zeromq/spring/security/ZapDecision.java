package org.zeromq.spring.security;

/**
 * The ZAP handler's answer to one request.
 *
 * @param status the ZAP status code: 200 lets the peer in, 400 refuses its credentials, 500 is
 * the handler's own failure (which refuses it too)
 * @param userId who the peer is, once let in: a CURVE client's public key in Z85, a PLAIN user
 * name; empty otherwise
 * @param reason why, in words for the log; never a password
 */
record ZapDecision(int status, String userId, String reason) {

	static ZapDecision allow(String userId) {
		return new ZapDecision(200, userId, "allowed");
	}

	static ZapDecision deny(String reason) {
		return new ZapDecision(400, "", reason);
	}

	static ZapDecision fail(String reason) {
		return new ZapDecision(500, "", reason);
	}

	boolean allowed() {
		return this.status == 200;
	}

}
