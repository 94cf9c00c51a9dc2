package org.zeromq.spring.security;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes refused and failed handshakes to the log, once per socket and peer and then at most
 * once per {@link #INTERVAL} with the number left out, so that a client retrying every 100 ms
 * cannot flood it. Lines name the socket, the peer and the reason, never a password or a
 * secret key; text that came from a peer is made printable first.
 */
final class SecurityLog {

	/** The least time between two lines about the same socket and peer. */
	static final Duration INTERVAL = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(ZmqSecurity.class);

	private final FailureReports reports;

	SecurityLog(LongSupplier clock) {
		this.reports = new FailureReports(INTERVAL.toNanos(), clock);
	}

	/** A server's ZAP handler refused a peer. */
	void refused(String sockets, String mechanism, String address, String reason) {
		report(sockets + "|" + address, "ZeroMQ socket " + sockets + " refused a " + mechanism + " peer from " + address
				+ ": " + reason);
	}

	/** A server refused this client. */
	void refusedByServer(SecurityStatus status, String endpoint, String reason) {
		report("'" + status.socket() + "'|" + endpoint, "ZeroMQ socket '" + status.socket() + "' ("
				+ status.security().describe() + ") cannot connect to " + endpoint + ": " + reason);
	}

	/** A handshake broke off. */
	void handshakeFailed(SecurityStatus status, String peer, String reason) {
		report("'" + status.socket() + "'|" + peer, "ZeroMQ socket '" + status.socket() + "' ("
				+ status.security().describe() + "), peer " + peer + ": " + reason);
	}

	/** Something about the policy itself, such as a key file that cannot be read. */
	void problem(String text) {
		report("problem|" + text, "ZeroMQ security: " + text);
	}

	private void report(String subject, String line) {
		OptionalLong admitted = this.reports.admit(subject);
		if (admitted.isPresent() && logger.isWarnEnabled()) {
			long leftOut = admitted.getAsLong();
			logger.warn((leftOut > 0) ? line + " (" + leftOut + " more since the last report)" : line);
		}
	}

}
