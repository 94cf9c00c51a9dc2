package org.zeromq.spring.core;

import org.jspecify.annotations.Nullable;
import java.util.List;

import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

/**
 * Takes part in opening every socket the {@link ZmqSocketFactory} creates, for what a socket
 * needs beyond its options: the starter's security runs the ZAP handler that CURVE and PLAIN
 * servers depend on, and watches how handshakes end. Because every socket comes from the
 * factory (declared sockets, listener workers and devices, the template's sockets), what a
 * preparer does holds for all of them.
 */
public interface SocketPreparer {

	/**
	 * What is wrong with a declaration as far as this preparer is concerned, found before any
	 * socket opens and reported with the other violations.
	 */
	default List<SpecViolation> check(SocketSpec spec) {
		return List.of();
	}

	/**
	 * Whether this preparer answers ZAP requests on the factory's context. A socket that
	 * {@link HandshakeSecurity#consultsZap() consults ZAP} opens only when one does: without an
	 * answer, JeroMQ lets every peer in.
	 */
	default boolean answersZap() {
		return false;
	}

	/**
	 * Called on the creating thread for every new socket, after its options are applied and
	 * before it binds or connects. Must not keep the socket: its owner uses and closes it.
	 */
	void prepare(ZMQ.Socket socket, SocketSpec spec);

	/**
	 * What should see the connection events of a socket just prepared, or {@code null} for
	 * nothing. JeroMQ allows one event hook per socket, and the factory owns it: it passes every
	 * event to the consumers the preparers return here. A consumer runs on the context's I/O
	 * threads, inside JeroMQ's monitor lock: it must never block. Its {@code close()} is called
	 * when the socket is destroyed.
	 */
	default ZEvent.@Nullable ZEventConsummer eventConsumer(SocketSpec spec) {
		return null;
	}

}
