package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.SocketOption;

/**
 * The raw JeroMQ side's plumbing: a context per simulated process, like the starter side's
 * application contexts, and sockets opened the way the guide's examples open them.
 */
final class RawJeromq {

	static final String LOOPBACK_ANY_PORT = "tcp://127.0.0.1:*";

	private static final Duration STARTER_HANDSHAKE_INTERVAL = SocketOption.HANDSHAKE_INTERVAL.defaultValue()
		.starterValue()
		.orElseThrow();

	private RawJeromq() {
	}

	/**
	 * A socket with the handshake interval the starter sets too: JeroMQ 0.6.0 now and then never
	 * starts the handshake of a fresh tcp connection (zeromq/jeromq#1022), and only this timer
	 * makes it reconnect. A raw application needs the same workaround; without it a scenario
	 * stalls for JeroMQ's default of 30 s (measured here: 13 in 400 fresh PUSH → PULL pairs).
	 */
	static ZMQ.Socket socket(ZContext context, SocketType type) {
		ZMQ.Socket socket = context.createSocket(type);
		socket.setHandshakeIvl((int) STARTER_HANDSHAKE_INTERVAL.toMillis());
		return socket;
	}

	/**
	 * A socket with both high-water marks set, for the caller to bind or connect afterwards: the
	 * marks apply only to connections made after they are set.
	 */
	static ZMQ.Socket socket(ZContext context, SocketType type, int hwm) {
		ZMQ.Socket socket = socket(context, type);
		socket.setSndHWM(hwm);
		socket.setRcvHWM(hwm);
		return socket;
	}

	static ZMQ.Socket bind(ZContext context, SocketType type, String endpoint) {
		ZMQ.Socket socket = socket(context, type);
		socket.bind(endpoint);
		return socket;
	}

	static ZMQ.Socket connect(ZContext context, SocketType type, String endpoint) {
		ZMQ.Socket socket = socket(context, type);
		socket.connect(endpoint);
		return socket;
	}

}
