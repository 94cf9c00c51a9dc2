package org.zeromq.spring.core;

/**
 * Names of the message headers the starter reads and writes. They describe the ZeroMQ
 * envelope around a payload; none of them travels on the wire as a header.
 */
public final class ZmqHeaders {

	/** Prefix of every header name here. */
	public static final String PREFIX = "zmq_";

	/** The topic frame of a {@code [topic][payload]} pub-sub envelope. */
	public static final String TOPIC = PREFIX + "topic";

	/** The routing identity of the peer a ROUTER message came from or goes to ({@code byte[]}). */
	public static final String IDENTITY = PREFIX + "identity";

	/** The name of the declared socket a message was received on. */
	public static final String SOCKET = PREFIX + "socket";

	private ZmqHeaders() {
	}

}
