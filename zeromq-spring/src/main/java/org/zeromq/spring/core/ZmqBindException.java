package org.zeromq.spring.core;

import org.jspecify.annotations.Nullable;

/** A socket could not bind its endpoint, most often because another process holds the port. */
public class ZmqBindException extends ZmqException {

	private final String socketName;

	private final String endpoint;

	private final @Nullable String reason;

	public ZmqBindException(String socketName, String endpoint, Throwable cause) {
		super("Socket '" + socketName + "' could not bind " + endpoint + ": " + ZmqErrorText.of(cause), cause);
		this.socketName = socketName;
		this.endpoint = endpoint;
		this.reason = ZmqErrorText.of(cause);
	}

	public String socketName() {
		return this.socketName;
	}

	public String endpoint() {
		return this.endpoint;
	}

	/** Why the bind failed, in words such as "Address already in use"; {@code null} when the cause gave no message. */
	public @Nullable String reason() {
		return this.reason;
	}

}
