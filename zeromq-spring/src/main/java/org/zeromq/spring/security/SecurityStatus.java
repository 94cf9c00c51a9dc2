package org.zeromq.spring.security;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.zeromq.spring.core.HandshakeSecurity;

/**
 * How the security handshakes of one declared socket have gone since it opened: a live view
 * for health checks, metrics and diagnostics, safe to read from any thread. Every socket opened
 * under the name (listener workers, a device's front socket, a socket reopened after a restart)
 * counts here.
 * <p>
 * A server counts what its ZAP handler decided about each client and the handshakes that broke
 * off; a client counts the server's refusals and the connections the server closed while the
 * handshake ran, which is how JeroMQ shows a wrong server key.
 */
public final class SecurityStatus {

	private final String socket;

	private final HandshakeSecurity security;

	private final @Nullable String publicKey;

	private final AtomicLong authorized = new AtomicLong();

	private final AtomicLong denied = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicReference<HandshakeFailure> lastFailure = new AtomicReference<>();

	SecurityStatus(String socket, HandshakeSecurity security, @Nullable String publicKey) {
		this.socket = socket;
		this.security = security;
		this.publicKey = publicKey;
	}

	/** The declared socket's name. */
	public String socket() {
		return this.socket;
	}

	/** The socket's mechanism and side. */
	public HandshakeSecurity security() {
		return this.security;
	}

	/** A CURVE socket's own public key in Z85, which its peers configure; empty otherwise. */
	public Optional<String> publicKey() {
		return Optional.ofNullable(this.publicKey);
	}

	/** Server: peers the ZAP handler let in. */
	public long authorized() {
		return this.authorized.get();
	}

	/**
	 * Server: peers the ZAP handler refused (unknown key or user, wrong password, address).
	 * Client: handshakes in which the server refused this socket's credentials.
	 */
	public long denied() {
		return this.denied.get();
	}

	/**
	 * Handshakes that broke off without a ZAP decision: a protocol or cryptographic error, or, on
	 * a client, a connection the server closed during the handshake (a wrong server key, or a
	 * server without the same mechanism).
	 */
	public long failed() {
		return this.failed.get();
	}

	/** The most recent refusal or failure. */
	public Optional<HandshakeFailure> lastFailure() {
		return Optional.ofNullable(this.lastFailure.get());
	}

	void recordAuthorized() {
		this.authorized.incrementAndGet();
	}

	// The failure before its count: whoever sees the count (a health check, a test waiting for
	// it) then also sees the reason, never a count without one.
	void recordDenied(String peer, String reason) {
		this.lastFailure.set(new HandshakeFailure(Instant.now(), peer, reason));
		this.denied.incrementAndGet();
	}

	void recordFailed(String peer, String reason) {
		this.lastFailure.set(new HandshakeFailure(Instant.now(), peer, reason));
		this.failed.incrementAndGet();
	}

	@Override
	public String toString() {
		return "SecurityStatus[" + this.socket + ", " + this.security.describe() + ", authorized " + authorized()
				+ ", denied " + denied() + ", failed " + failed() + "]";
	}

	/**
	 * One handshake that did not let a peer in.
	 *
	 * @param at when
	 * @param peer the peer's address, or the endpoint a client connected to
	 * @param reason why, in words; never a password
	 */
	public record HandshakeFailure(Instant at, String peer, String reason) {
	}

}
