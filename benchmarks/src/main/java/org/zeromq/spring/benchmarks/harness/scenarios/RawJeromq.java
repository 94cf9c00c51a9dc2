package org.zeromq.spring.benchmarks.harness.scenarios;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The raw JeroMQ side's plumbing: a context per simulated process, like the starter side's
 * application contexts, and sockets opened the way the guide's examples open them.
 */
final class RawJeromq {

	static final String LOOPBACK_ANY_PORT = "tcp://127.0.0.1:*";

	private RawJeromq() {
	}

	static ZMQ.Socket bind(ZContext context, SocketType type, String endpoint) {
		ZMQ.Socket socket = context.createSocket(type);
		socket.bind(endpoint);
		return socket;
	}

	/** Binds with both high-water marks set first (they apply to connections made afterwards). */
	static ZMQ.Socket bind(ZContext context, SocketType type, String endpoint, int hwm) {
		ZMQ.Socket socket = context.createSocket(type);
		socket.setSndHWM(hwm);
		socket.setRcvHWM(hwm);
		socket.bind(endpoint);
		return socket;
	}

	static ZMQ.Socket connect(ZContext context, SocketType type, String endpoint, int hwm) {
		ZMQ.Socket socket = context.createSocket(type);
		socket.setSndHWM(hwm);
		socket.setRcvHWM(hwm);
		socket.connect(endpoint);
		return socket;
	}

	static ZMQ.Socket connect(ZContext context, SocketType type, String endpoint) {
		ZMQ.Socket socket = context.createSocket(type);
		socket.connect(endpoint);
		return socket;
	}

}
