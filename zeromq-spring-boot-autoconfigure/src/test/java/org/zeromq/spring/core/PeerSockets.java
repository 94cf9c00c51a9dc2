package org.zeromq.spring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Raw JeroMQ sockets that play the peer in a test: the other end of a declared socket, set up
 * the way a test needs them (loopback only, a receive timeout so that a missing message fails
 * the test instead of hanging it, no linger so that closing never waits, and the starter's
 * handshake interval, which works around JeroMQ's stalled handshakes as it does for declared
 * sockets).
 * <p>
 * Either with a context of their own, which they close ({@link #ownContext()}), or on an
 * application's context for inproc peers ({@link #on(ZContext)}), which they leave open.
 */
public final class PeerSockets implements AutoCloseable {

	/**
	 * Covers a tcp handshake JeroMQ stalls until the handshake interval (3 s) drops it, the
	 * reconnect, and a second stall; a passing test never waits this long.
	 */
	public static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(10);

	private final ZContext context;

	private final boolean ownsContext;

	private final List<ZMQ.Socket> sockets = new ArrayList<>();

	private PeerSockets(ZContext context, boolean ownsContext) {
		this.context = context;
		this.ownsContext = ownsContext;
	}

	/** Peers on a context of their own: they reach declared sockets over tcp. */
	public static PeerSockets ownContext() {
		return new PeerSockets(new ZContext(1), true);
	}

	/** Peers on the application's context: they reach declared sockets over inproc too. */
	public static PeerSockets on(ZContext applicationContext) {
		return new PeerSockets(applicationContext, false);
	}

	/** A socket bound to a free loopback port; read it back with {@link ZMQ.Socket#getLastEndpoint()}. */
	public ZMQ.Socket bind(SocketType type) {
		return bind(type, "tcp://127.0.0.1:*");
	}

	public ZMQ.Socket bind(SocketType type, String endpoint) {
		ZMQ.Socket socket = create(type);
		socket.bind(endpoint);
		return socket;
	}

	public ZMQ.Socket connect(SocketType type, String endpoint) {
		ZMQ.Socket socket = create(type);
		socket.connect(endpoint);
		return socket;
	}

	/** A socket set up like the others but neither bound nor connected, for options that must come first. */
	public ZMQ.Socket create(SocketType type) {
		ZMQ.Socket socket = this.context.createSocket(type);
		socket.setLinger(0);
		socket.setReceiveTimeOut((int) RECEIVE_TIMEOUT.toMillis());
		socket.setSendTimeOut((int) RECEIVE_TIMEOUT.toMillis());
		socket.setHandshakeIvl((int) SocketConfigurer.DEFAULT_HANDSHAKE_INTERVAL.toMillis());
		this.sockets.add(socket);
		return socket;
	}

	@Override
	public void close() {
		this.sockets.forEach(ZMQ.Socket::close);
		this.sockets.clear();
		if (this.ownsContext) {
			this.context.close();
		}
	}

}
