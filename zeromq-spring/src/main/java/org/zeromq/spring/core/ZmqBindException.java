package org.zeromq.spring.core;

import org.jspecify.annotations.Nullable;

/**
 * A socket could not bind its endpoint. {@link #failure()} says why in terms of what to do: the
 * address is taken, is not this machine's, needs privileges, or names a host that does not resolve.
 */
public class ZmqBindException extends ZmqException {

	/** Why a bind failed, as far as the operating system told. */
	public enum Failure {

		/** Another socket, of this process or another, is bound to the address and port. */
		ADDRESS_IN_USE,

		/** The host is not an address of this machine (or of the IP version enabled). */
		ADDRESS_NOT_AVAILABLE,

		/** The operating system refused the port to this process, usually a port below 1024. */
		PERMISSION_DENIED,

		/** The host name does not resolve. */
		UNKNOWN_HOST,

		/** Anything else; {@link ZmqBindException#reason()} has the details. */
		OTHER

	}

	private final String socketName;

	private final String endpoint;

	private final @Nullable String reason;

	private final Failure failure;

	public ZmqBindException(String socketName, String endpoint, Throwable cause) {
		this(socketName, endpoint, Failure.OTHER, ZmqErrorText.of(cause), cause);
	}

	/**
	 * @param reason why, in words such as "Address already in use"
	 */
	public ZmqBindException(String socketName, String endpoint, Failure failure, @Nullable String reason,
			Throwable cause) {
		super("Socket '" + socketName + "' could not bind " + endpoint + ": " + reason, cause);
		this.socketName = socketName;
		this.endpoint = endpoint;
		this.reason = reason;
		this.failure = failure;
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

	/** Why the bind failed, as a kind the fix depends on. */
	public Failure failure() {
		return this.failure;
	}

}
