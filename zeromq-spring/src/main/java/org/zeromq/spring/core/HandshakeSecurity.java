package org.zeromq.spring.core;

/**
 * The security a socket's options give its handshakes: the mechanism, and whether the socket is
 * the side that authenticates its peers. Read from the {@link SocketSpec}, the same way JeroMQ
 * reads the options: {@code curve.server} or {@code plain.server} makes a server, a key or a
 * user name alone makes a client.
 *
 * @param mechanism the ZMTP security mechanism
 * @param server whether the socket takes the server side of CURVE or PLAIN
 * @param zapDomain whether the spec sets a ZAP domain
 */
public record HandshakeSecurity(Mechanism mechanism, boolean server, boolean zapDomain) {

	/** The ZMTP security mechanisms JeroMQ implements (GSSAPI aside). */
	public enum Mechanism {

		/** No security: anyone who reaches the endpoint talks in clear text. */
		NULL,

		/** User name and password, sent in clear text. */
		PLAIN,

		/** CurveZMQ: encryption, and authentication of clients by public key. */
		CURVE

	}

	/** The security of a socket of this spec. */
	public static HandshakeSecurity of(SocketSpec spec) {
		SocketOptions options = spec.options();
		boolean zapDomain = options.get(SocketOption.ZAP_DOMAIN).isPresent();
		if (options.get(SocketOption.CURVE_SERVER).orElse(false)) {
			return new HandshakeSecurity(Mechanism.CURVE, true, zapDomain);
		}
		if (options.get(SocketOption.PLAIN_SERVER).orElse(false)) {
			return new HandshakeSecurity(Mechanism.PLAIN, true, zapDomain);
		}
		if (SocketOption.CURVE_OPTIONS.stream().anyMatch((option) -> options.get(option).isPresent())) {
			return new HandshakeSecurity(Mechanism.CURVE, false, zapDomain);
		}
		if (options.get(SocketOption.PLAIN_USERNAME).isPresent() || options.get(SocketOption.PLAIN_PASSWORD).isPresent()) {
			return new HandshakeSecurity(Mechanism.PLAIN, false, zapDomain);
		}
		return new HandshakeSecurity(Mechanism.NULL, false, zapDomain);
	}

	/** Whether the handshakes are CURVE or PLAIN. */
	public boolean isSecured() {
		return this.mechanism != Mechanism.NULL;
	}

	/**
	 * Whether JeroMQ asks the context's ZAP handler about every peer of such a socket: a CURVE or
	 * PLAIN server always does, a socket without security only when it has a ZAP domain. When no
	 * handler answers, JeroMQ lets every peer in.
	 */
	public boolean consultsZap() {
		return (this.server && isSecured()) || (this.mechanism == Mechanism.NULL && this.zapDomain);
	}

	/** "CURVE server", "PLAIN client", "no security". */
	public String describe() {
		return isSecured() ? this.mechanism + (this.server ? " server" : " client") : "no security";
	}

}
