package org.zeromq.spring.core;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A ZeroMQ endpoint such as {@code tcp://127.0.0.1:5555}, {@code ipc://name} or
 * {@code inproc://name}, checked against what JeroMQ can actually open.
 *
 * @param uri the endpoint as written
 * @param transport its transport
 */
public record Endpoint(String uri, Transport transport) {

	// Transports libzmq has that JeroMQ does not implement: named so that the error can say so
	// instead of leaving the user with a generic protocol error at bind time.
	private static final Set<String> NOT_IN_JEROMQ = Set.of("pgm", "epgm", "norm", "tipc", "vmci", "udp", "ws", "wss");

	public static Endpoint parse(@Nullable String uri) {
		if (uri == null || uri.isBlank()) {
			throw new IllegalArgumentException("an endpoint must not be empty; write it as tcp://host:port, ipc://name or inproc://name");
		}
		String trimmed = uri.trim();
		int separator = trimmed.indexOf("://");
		if (separator <= 0 || separator + 3 == trimmed.length()) {
			throw new IllegalArgumentException("'" + trimmed
					+ "' is not an endpoint; write it as tcp://host:port, ipc://name or inproc://name");
		}
		String scheme = trimmed.substring(0, separator).toLowerCase(Locale.ROOT);
		for (Transport transport : Transport.values()) {
			if (transport.scheme().equals(scheme)) {
				return new Endpoint(trimmed, transport);
			}
		}
		if (NOT_IN_JEROMQ.contains(scheme)) {
			throw new IllegalArgumentException("'" + trimmed + "' uses " + scheme
					+ "://, which JeroMQ does not implement; use tcp://, ipc:// or inproc://");
		}
		throw new IllegalArgumentException("'" + trimmed + "' uses the unknown transport " + scheme
				+ "://; use tcp://, ipc:// or inproc://");
	}

	@Override
	public String toString() {
		return this.uri;
	}

}
