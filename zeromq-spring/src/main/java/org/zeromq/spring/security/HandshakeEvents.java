package org.zeromq.spring.security;

import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.zeromq.ZEvent;
import org.zeromq.ZMonitor;
import org.zeromq.spring.core.HandshakeSecurity;

/**
 * Watches one secured socket's handshakes: a consumer of the events the socket factory's hook
 * (the starter's one hook on the socket) passes on; it looks at connects, disconnects and failed
 * handshakes, and ignores the rest. JeroMQ 0.6.0 signals no successful handshake and no mechanism mismatch, so:
 * <ul>
 * <li>a server learns of a broken handshake from {@code HANDSHAKE_FAILED_PROTOCOL}, and of the
 * peer's address from the {@code DISCONNECTED} that follows on the same I/O thread;</li>
 * <li>a client learns of a refusal from {@code HANDSHAKE_FAILED_AUTH}, and of a wrong server key
 * only as a connection the server closes right after connecting: the server cannot read the
 * client's HELLO and hangs up.</li>
 * </ul>
 * A client reports the first failure: JeroMQ does not reconnect after a failed handshake, so
 * there is no second one, only a socket that stays silent.
 * Events arrive on the context's I/O threads, inside JeroMQ's monitor lock: this only counts,
 * remembers a little per endpoint and, rarely, logs through {@link SecurityLog}; it never blocks.
 */
final class HandshakeEvents implements ZEvent.ZEventConsummer {

	// JeroMQ 0.6.0 terminates a connecting session whose handshake failed, refused or broken off,
	// instead of reconnecting: the socket stays quiet, its messages queued, until it is reopened.
	private static final String STAYS_DISCONNECTED = "; JeroMQ does not retry a failed handshake, so this socket "
			+ "stays disconnected from that server until it is opened again";

	private final SecurityStatus status;

	private final SecurityLog log;

	private final long quickDropNanos;

	private final LongSupplier clock;

	// Server: a failure seen on this I/O thread, waiting for the DISCONNECTED that names the peer.
	private final ThreadLocal<String> pendingFailure = new ThreadLocal<>();

	// Client, by endpoint: when the current connection was made, and whether its end is explained.
	private final Map<String, Long> connectedAt = new ConcurrentHashMap<>();

	private final Map<String, Boolean> explained = new ConcurrentHashMap<>();

	// Client, by endpoint: bumped by every new connection attempt, so that a pending verdict on a
	// dropped connection can tell whether JeroMQ tried again since.
	private final Map<String, Long> attempts = new ConcurrentHashMap<>();

	private final Consumer<Runnable> later;

	/**
	 * @param status where the outcomes are counted
	 * @param log reports them
	 * @param quickDropNanos a client connection closed sooner than this after it was made is
	 * taken for a failed handshake: the socket's handshake interval
	 * @param clock nanoseconds
	 * @param later runs a check a little later, off the I/O thread; see {@link ZmqSecurity}
	 */
	HandshakeEvents(SecurityStatus status, SecurityLog log, long quickDropNanos, LongSupplier clock,
			Consumer<Runnable> later) {
		this.status = status;
		this.log = log;
		this.quickDropNanos = quickDropNanos;
		this.clock = clock;
		this.later = later;
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
				this.attempts.merge(endpoint, 1L, Long::sum);
				this.connectedAt.put(endpoint, this.clock.getAsLong());
				this.explained.remove(endpoint);
			}
			case CONNECT_DELAYED, CONNECT_RETRIED -> this.attempts.merge(endpoint, 1L, Long::sum);
			case HANDSHAKE_FAILED_AUTH -> {
				this.explained.put(endpoint, true);
				String reason = "the server refused this socket's credentials (ZAP status " + event.getValue()
						+ "): it does not know this socket's " + credentials() + STAYS_DISCONNECTED;
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

	// A connection the server closed soon after it was made is either a failed handshake, after
	// which JeroMQ gives up on the endpoint, or an ordinary hang-up (the server stopping), after
	// which it reconnects at once. Only the absence of a new attempt tells them apart, so the
	// verdict waits a moment, on another thread: an I/O thread must not wait.
	private void onClientDisconnected(String endpoint) {
		Long since = this.connectedAt.remove(endpoint);
		if (this.explained.remove(endpoint) != null || since == null
				|| this.clock.getAsLong() - since >= this.quickDropNanos) {
			return;
		}
		long attempt = this.attempts.getOrDefault(endpoint, 0L);
		this.later.accept(() -> {
			if (this.attempts.getOrDefault(endpoint, 0L) == attempt) {
				String reason = "the server closed the connection during the handshake: " + ((this.status.security()
					.mechanism() == HandshakeSecurity.Mechanism.CURVE)
							? "the server key is probably not that server's public key, or the server does not use CURVE"
							: "the server probably does not use " + this.status.security().mechanism())
						+ STAYS_DISCONNECTED;
				this.status.recordFailed(endpoint, reason);
				this.log.handshakeFailed(this.status, endpoint, reason);
			}
		});
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
