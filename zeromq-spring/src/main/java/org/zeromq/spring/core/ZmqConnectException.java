package org.zeromq.spring.core;

import org.jspecify.annotations.Nullable;

/**
 * A socket could not connect to its endpoint at startup. ZeroMQ connects in the background and
 * waits for a peer that is not there yet, so this is not about the peer: JeroMQ resolves a tcp
 * host name when the socket connects, and fails at once when it does not resolve.
 */
public class ZmqConnectException extends ZmqException {

	private final String socketName;

	private final String endpoint;

	private final @Nullable String reason;

	private final boolean unknownHost;

	public ZmqConnectException(String socketName, String endpoint, @Nullable String reason, boolean unknownHost,
			Throwable cause) {
		super("Socket '" + socketName + "' could not connect to " + endpoint + ": " + reason, cause);
		this.socketName = socketName;
		this.endpoint = endpoint;
		this.reason = reason;
		this.unknownHost = unknownHost;
	}

	public String socketName() {
		return this.socketName;
	}

	public String endpoint() {
		return this.endpoint;
	}

	/** Why, in words. */
	public @Nullable String reason() {
		return this.reason;
	}

	/** Whether the endpoint's host name did not resolve. */
	public boolean isUnknownHost() {
		return this.unknownHost;
	}

}
