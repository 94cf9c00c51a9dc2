package org.zeromq.spring.core;

import org.jspecify.annotations.Nullable;
import java.util.Locale;

import org.zeromq.ZMonitor;

/**
 * What JeroMQ reports about a socket's connections, as the starter counts it: one constant per
 * kind of event JeroMQ 0.6.0 raises for tcp and ipc endpoints (inproc raises none). The three
 * kinds of failed handshake count as one, {@link #HANDSHAKE_FAILED}; its detail goes to the
 * socket's last error.
 */
public enum SocketEvent {

	/** A connect endpoint reached its peer (the TCP connection, not yet the ZeroMQ handshake). */
	CONNECTED,

	/** A connect did not complete at once and goes on in the background. */
	CONNECT_DELAYED,

	/** A connect failed or a connection was lost, and JeroMQ tries again after the reconnect interval. */
	CONNECT_RETRIED,

	/** A bind endpoint listens. */
	LISTENING,

	/** A bind failed (address in use, no such interface). */
	BIND_FAILED,

	/** A peer connected to a bind endpoint. */
	ACCEPTED,

	/** A peer's connection could not be accepted. */
	ACCEPT_FAILED,

	/** A bind endpoint or a connection was closed by this side. */
	CLOSED,

	/** Closing failed. */
	CLOSE_FAILED,

	/** A connection ended: the peer left, or the connection broke. */
	DISCONNECTED,

	/**
	 * The ZeroMQ handshake with a peer completed: from now on messages flow to and from it.
	 * (JeroMQ's {@code HANDSHAKE_PROTOCOL}: it raises no {@code HANDSHAKE_SUCCEEDED}.)
	 */
	HANDSHAKE_COMPLETED,

	/** A handshake failed: a protocol error, a refused CURVE or PLAIN peer, or no detail. */
	HANDSHAKE_FAILED;

	private final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

	/** Its name as a meter tag and in the endpoint: {@code handshake-completed}. */
	public String tag() {
		return this.tag;
	}

	/** The constant for a JeroMQ event, or {@code null} for one the starter does not count. */
	static @Nullable SocketEvent of(ZMonitor.Event event) {
		return switch (event) {
			case CONNECTED -> CONNECTED;
			case CONNECT_DELAYED -> CONNECT_DELAYED;
			case CONNECT_RETRIED -> CONNECT_RETRIED;
			case LISTENING -> LISTENING;
			case BIND_FAILED -> BIND_FAILED;
			case ACCEPTED -> ACCEPTED;
			case ACCEPT_FAILED -> ACCEPT_FAILED;
			case CLOSED -> CLOSED;
			case CLOSE_FAILED -> CLOSE_FAILED;
			case DISCONNECTED -> DISCONNECTED;
			case HANDSHAKE_PROTOCOL, HANDSHAKE_SUCCEEDED -> HANDSHAKE_COMPLETED;
			case HANDSHAKE_FAILED_NO_DETAIL, HANDSHAKE_FAILED_PROTOCOL, HANDSHAKE_FAILED_AUTH -> HANDSHAKE_FAILED;
			default -> null;
		};
	}

}
