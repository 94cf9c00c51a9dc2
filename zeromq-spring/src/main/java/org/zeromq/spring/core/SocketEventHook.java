package org.zeromq.spring.core;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

/**
 * The starter's event hook on one JeroMQ socket: the one monitor JeroMQ allows a socket. It keeps
 * the socket's {@link SocketStatus} (listening endpoints, handshaken peers, event counts, last
 * error) and passes every event on to the consumers that preparers asked for, such as the
 * security's handshake watch.
 * <p>
 * JeroMQ calls it inside the socket's monitor lock, on the context's I/O threads (and on the
 * binding thread for {@code LISTENING}): it only counts and updates small maps, never blocks, and
 * a consumer that throws does not stop the others.
 * <p>
 * Peers are connections whose ZeroMQ handshake completed. JeroMQ names the connection (its
 * channel) when it is accepted, connected and disconnected, but the handshake event names only
 * the endpoint: on a bind endpoint many connections share it, so the handshake is given to the
 * connection on that endpoint accepted last that has not completed one, which is the one that
 * just did unless two peers connect in the same instant and complete their handshakes out of
 * order. A connection that closes before its handshake (a port probe, a JeroMQ connect that
 * stalled) is therefore never counted as a peer.
 */
final class SocketEventHook implements ZEvent.ZEventConsummer {

	private static final Log logger = LogFactory.getLog(SocketEventHook.class);

	private final SocketStatus status;

	private final List<ZEvent.ZEventConsummer> consumers;

	// Open connections by channel, in the order they opened; guarded by JeroMQ's monitor lock.
	private final Map<Object, Connection> connections = new LinkedHashMap<>();

	SocketEventHook(SocketStatus status, List<ZEvent.ZEventConsummer> consumers) {
		this.status = status;
		this.consumers = List.copyOf(consumers);
	}

	/** Every event: the status needs most, and consumers filter for themselves. */
	static int events() {
		return ZMQ.EVENT_ALL;
	}

	@Override
	public void consume(ZEvent event) {
		try {
			record(event);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record a ZeroMQ event of socket '" + this.status.name() + "': " + event, ex);
		}
		for (ZEvent.ZEventConsummer consumer : this.consumers) {
			try {
				consumer.consume(event);
			}
			catch (RuntimeException ex) {
				logger.warn("A consumer of the ZeroMQ events of socket '" + this.status.name() + "' failed on " + event, ex);
			}
		}
	}

	private void record(ZEvent event) {
		SocketEvent kind = SocketEvent.of(event.getEvent());
		if (kind == null) {
			return;
		}
		String address = event.getAddress();
		this.status.event(kind, address);
		switch (kind) {
			case LISTENING -> this.status.listening(address);
			case CLOSED -> this.status.notListening(address);
			case ACCEPTED -> opened(event.getValue(), address, false);
			case CONNECTED -> {
				opened(event.getValue(), address, true);
				this.status.connecting(address);
			}
			case CONNECT_DELAYED, CONNECT_RETRIED -> this.status.connecting(address);
			case HANDSHAKE_COMPLETED -> handshaken(address);
			case DISCONNECTED -> disconnected(event.getValue(), address);
			case BIND_FAILED -> this.status.recordProblem("bind of " + address + " failed: " + event.getValue());
			case ACCEPT_FAILED -> this.status.recordProblem("accepting a connection on " + address + " failed: "
					+ event.getValue());
			case HANDSHAKE_FAILED -> this.status.recordProblem("a handshake on " + address + " failed ("
					+ event.getEvent() + ": " + event.getValue() + ")");
			default -> {
				// counted only
			}
		}
	}

	private void opened(Object channel, String address, boolean connecting) {
		if (channel != null) {
			this.connections.put(channel, new Connection(address, connecting));
		}
	}

	private void handshaken(String address) {
		Connection latest = null;
		for (Connection connection : this.connections.values()) {
			if (!connection.handshaken && connection.address.equals(address)) {
				latest = connection;
			}
		}
		if (latest != null) {
			latest.handshaken = true;
			this.status.peerUp(latest.connecting ? address : null);
		}
	}

	private void disconnected(Object channel, String address) {
		Connection connection = (channel != null) ? this.connections.remove(channel) : null;
		if (connection != null && connection.handshaken) {
			this.status.peerDown(connection.connecting ? address : null);
		}
		if (connection != null && connection.connecting) {
			this.status.connecting(address);
		}
	}

	/** Called by JeroMQ when the socket is destroyed: its peers are gone with it. */
	@Override
	public void close() {
		int handshaken = 0;
		for (Iterator<Connection> it = this.connections.values().iterator(); it.hasNext();) {
			if (it.next().handshaken) {
				handshaken++;
			}
			it.remove();
		}
		this.status.socketClosed(handshaken);
		for (ZEvent.ZEventConsummer consumer : this.consumers) {
			try {
				consumer.close();
			}
			catch (RuntimeException ex) {
				logger.warn("A consumer of the ZeroMQ events of socket '" + this.status.name() + "' failed to close", ex);
			}
		}
	}

	private static final class Connection {

		private final String address;

		private final boolean connecting;

		private boolean handshaken;

		private Connection(String address, boolean connecting) {
			this.address = address;
			this.connecting = connecting;
		}

	}

}
