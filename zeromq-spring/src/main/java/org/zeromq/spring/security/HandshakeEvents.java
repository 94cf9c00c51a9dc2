package org.zeromq.spring.security;

import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;
import org.zeromq.spring.core.HandshakeSecurity;

/**
 * Watches one secured socket's handshakes through JeroMQ's event hook, the starter's one hook
 * on the socket. JeroMQ 0.6.0 signals no successful handshake and no mechanism mismatch, so:
 * <ul>
 * <li>a server learns of a broken handshake from {@code HANDSHAKE_FAILED_PROTOCOL}, and of the
 * peer's address from the {@code DISCONNECTED} that follows on the same I/O thread;</li>
 * <li>a client learns of a refusal from {@code HANDSHAKE_FAILED_AUTH}, and of a wrong server key
 * only as a connection the server closes right after connecting: the server cannot read the
 * client's HELLO and hangs up, again at every reconnect.</li>
 * </ul>
 * Events arrive on the context's I/O threads, inside JeroMQ's monitor lock: this only counts,
 * remembers a little per endpoint and, rarely, logs through {@link SecurityLog}; it never blocks.
 */
final class HandshakeEvents implements ZEvent.ZEventConsummer {

	/** The events it needs. */
	static final int EVENTS = ZMQ.EVENT_CONNECTED | ZMQ.EVENT_DISCONNECTED | ZMQ.HANDSHAKE_FAILED_PROTOCOL
			| ZMQ.HANDSHAKE_FAILED_AUTH | ZMQ.HANDSHAKE_FAILED_NO_DETAIL;

	/** Closed connections in a row after which a client reports that its handshakes do not succeed. */
	static final int CLIENT_REPORT_AFTER = 3;

	private final SecurityStatus status;

	private final SecurityLog log;

	private final long quickDropNanos;

	private final LongSupplier clock;

	// Server: a failure seen on this I/O thread, waiting for the DISCONNECTED that names the peer.
	private final ThreadLocal<String> pendingFailure = new ThreadLocal<>();

	// Client, by endpoint: when the current connection was made, and whether its end is explained.
	private final Map<String, Long> connectedAt = new ConcurrentHashMap<>();

	private final Map<String, Boolean> explained = new ConcurrentHashMap<>();

	private final Map<String, Integer> dropsInARow = new ConcurrentHashMap<>();

	/**
	 * @param status where the outcomes are counted
	 * @param log reports them
	 * @param quickDropNanos a client connection closed sooner than this after it was made is
	 * taken for a failed handshake: the socket's handshake interval
	 * @param clock nanoseconds
	 */
	HandshakeEvents(SecurityStatus status, SecurityLog log, long quickDropNanos, LongSupplier clock) {
		this.status = status;
		this.log = log;
		this.quickDropNanos = quickDropNanos;
		this.clock = clock;
	}

	@Override
	public void consume(ZEvent event) {
		if (this.status.security().server()) {
			onServerEvent(event);
		}
		else {
			onClientEvent(event);
		}
	}

	private void onServerEvent(ZEvent event) {
		switch (event.getEvent()) {
			case HANDSHAKE_FAILED_PROTOCOL, HANDSHAKE_FAILED_NO_DETAIL -> this.pendingFailure.set(failure(event));
			case DISCONNECTED -> {
				String failure = this.pendingFailure.get();
				if (failure != null) {
					this.pendingFailure.remove();
					String peer = peerAddress(event.getValue());
					this.status.recordFailed(peer, failure);
					this.log.handshakeFailed(this.status, peer, failure);
				}
			}
			default -> {
				// a server's refusals are the ZAP handler's to count
			}
		}
	}

	private void onClientEvent(ZEvent event) {
		String endpoint = event.getAddress();
		switch (event.getEvent()) {
			case CONNECTED -> {
				this.connectedAt.put(endpoint, this.clock.getAsLong());
				this.explained.remove(endpoint);
			}
			case HANDSHAKE_FAILED_AUTH -> {
				this.explained.put(endpoint, true);
				this.dropsInARow.remove(endpoint);
				String reason = "the server refused this socket's credentials (ZAP status " + event.getValue()
						+ "): it does not know this socket's " + credentials();
				this.status.recordDenied(endpoint, reason);
				this.log.refusedByServer(this.status, endpoint, reason);
			}
			case HANDSHAKE_FAILED_PROTOCOL, HANDSHAKE_FAILED_NO_DETAIL -> {
				this.explained.put(endpoint, true);
				String reason = failure(event);
				this.status.recordFailed(endpoint, reason);
				this.log.handshakeFailed(this.status, endpoint, reason);
			}
			case DISCONNECTED -> onClientDisconnected(endpoint);
			default -> {
				// other events say nothing about security
			}
		}
	}

	private void onClientDisconnected(String endpoint) {
		Long since = this.connectedAt.remove(endpoint);
		if (this.explained.remove(endpoint) != null) {
			return;
		}
		if (since == null || this.clock.getAsLong() - since >= this.quickDropNanos) {
			this.dropsInARow.remove(endpoint);
			return;
		}
		int inARow = this.dropsInARow.merge(endpoint, 1, Integer::sum);
		String reason = "the server closed the connection during the handshake, " + inARow + " time(s) in a row: "
				+ ((this.status.security().mechanism() == HandshakeSecurity.Mechanism.CURVE)
						? "the server key is probably not that server's public key, or the server does not use CURVE"
						: "the server probably does not use " + this.status.security().mechanism());
		this.status.recordFailed(endpoint, reason);
		if (inARow >= CLIENT_REPORT_AFTER) {
			this.log.handshakeFailed(this.status, endpoint, reason);
		}
	}

	private String credentials() {
		return (this.status.security().mechanism() == HandshakeSecurity.Mechanism.CURVE)
				? "public key " + this.status.publicKey().orElse("") : "user name and password";
	}

	private static String failure(ZEvent event) {
		Object code = event.getValue();
		String name = (code instanceof ZMonitor.ProtocolCode protocol) ? protocol.name() : String.valueOf(code);
		String hint = name.contains("CRYPTOGRAPHIC") ? " (a CURVE client with the wrong server key, or keys that do "
				+ "not match)" : "";
		return "the handshake failed: " + name + hint;
	}

	private static String peerAddress(Object channel) {
		if (channel instanceof SocketChannel socketChannel) {
			InetAddress address = socketChannel.socket().getInetAddress();
			if (address != null) {
				return ZapPolicy.normalizeAddress(address.getHostAddress());
			}
		}
		return "an unknown address";
	}

}
