package org.zeromq.spring.core;

import org.zeromq.ZMQ;

/**
 * What every socket the starter opens gets, beyond its options, so that no peer can take the
 * process down with what it sends: the {@link InboundFrameAllocator}, which also refuses the frame
 * sizes JeroMQ 0.6.0 misreads past max-message-size and, on CURVE sockets and PLAIN servers, the
 * handshake commands it misreads ({@link MisreadCommand}), and on REP sockets the routing fix below.
 * Applied after the spec's options, before the socket binds or connects (JeroMQ copies these
 * options into each connection when it is made). Findings, inputs and counts are in
 * docs/reliability.md.
 */
public final class PeerInputGuard {

	private PeerInputGuard() {
	}

	public static void apply(ZMQ.Socket socket, SocketSpec spec) {
		long maxMessageSize = spec.options().effective(SocketOption.MAX_MESSAGE_SIZE).orElseThrow();
		socket.setMsgAllocator(new InboundFrameAllocator(spec.name(), maxMessageSize,
				MisreadCommand.of(HandshakeSecurity.of(spec))));
		if (spec.type() == ZmqSocketType.REP && repCopiesEnvelopesWithoutAssertion()) {
			socket.setRouterMandatory(true);
		}
	}

	// JeroMQ 0.6.0 (and libzmq 4.3.4) lose the next reply of a REP after it discarded a request
	// with no envelope delimiter from a peer that had already gone: Router.rollback() resets its
	// "more frames follow" state only when it still had a pipe to write to, so the next request's
	// envelope and its reply are taken for the rest of the discarded message and dropped.
	// ROUTER_MANDATORY makes the copy of the gone peer's envelope fail at once instead, which
	// leaves that state clean (a reply to a gone peer is dropped either way). Rep.xrecv asserts
	// that this copy never fails, so with JeroMQ's assertions on the fix would turn the lost reply
	// into an AssertionError in the listener; there the socket keeps JeroMQ's behaviour.
	static boolean repCopiesEnvelopesWithoutAssertion() {
		return !zmq.socket.reqrep.Rep.class.desiredAssertionStatus();
	}

}
