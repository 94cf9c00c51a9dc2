package org.zeromq.spring.template;

import java.time.Duration;
import java.util.function.Consumer;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Plain JeroMQ sockets for the far end of a test, from a context of their own so that they share
 * nothing with what the starter manages. Each has a receive timeout, so that a missing message
 * fails the test instead of hanging it, and no linger, so that closing never waits.
 * <p>
 * The timeouts are long on purpose. JeroMQ 0.6.0 sometimes (a few connections in a hundred)
 * never polls a freshly connected tcp channel, so the ZMTP handshake stalls until the handshake
 * interval expires and the socket reconnects: 3 s for the starter's sockets
 * ({@code SocketConfigurer.DEFAULT_HANDSHAKE_INTERVAL}), 1 s for the raw sockets here that
 * connect. Messages queued on the connecting side survive that and arrive late; a test that
 * waited less would fail on JeroMQ's stall rather than on the behaviour it checks. A passing
 * test never waits for these bounds.
 */
final class RawPeers implements AutoCloseable {

	/** Covers a stalled handshake, the reconnect, and a second stall in a row. */
	static final int RECEIVE_TIMEOUT_MILLIS = 15_000;

	/** For every wait on a connection coming up: the same bound as {@link #RECEIVE_TIMEOUT_MILLIS}. */
	static final Duration CONNECTION_BOUND = Duration.ofMillis(RECEIVE_TIMEOUT_MILLIS);

	// A raw socket that connects recovers from the stall above after this instead of 30 s.
	private static final int CONNECTING_HANDSHAKE_MILLIS = 1000;

	private final ZContext context = new ZContext();

	ZContext context() {
		return this.context;
	}

	/** A socket bound to a free loopback port; {@link #endpoint} reads the port back. */
	ZMQ.Socket bind(SocketType type) {
		ZMQ.Socket socket = create(this.context, type);
		socket.bind("tcp://127.0.0.1:*");
		return socket;
	}

	/** A socket connected to {@code endpoint}. */
	ZMQ.Socket connect(SocketType type, String endpoint) {
		return connect(type, endpoint, (socket) -> {
		});
	}

	/** A socket connected to {@code endpoint} with a routing identity a ROUTER can address. */
	ZMQ.Socket connect(SocketType type, String endpoint, String identity) {
		return connect(type, endpoint, (socket) -> socket.setIdentity(Frames.utf8(identity)));
	}

	private ZMQ.Socket connect(SocketType type, String endpoint, Consumer<ZMQ.Socket> options) {
		ZMQ.Socket socket = create(this.context, type);
		options.accept(socket);
		socket.setHandshakeIvl(CONNECTING_HANDSHAKE_MILLIS);
		socket.connect(endpoint);
		return socket;
	}

	static String endpoint(ZMQ.Socket socket) {
		return socket.getLastEndpoint();
	}

	/** A raw socket of any context (an inproc peer must live in the application's), set up like the others. */
	static ZMQ.Socket create(ZContext context, SocketType type) {
		ZMQ.Socket socket = context.createSocket(type);
		socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
		socket.setLinger(0);
		return socket;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
