package org.zeromq.spring.core;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Finds out why a ZeroMQ bind failed. JeroMQ 0.6.0 reports every {@code BindException} as
 * {@code EADDRINUSE} ("Address already in use"), also when the address is not this machine's or
 * the port needs privileges, which sent users looking for another process that did not exist. So
 * a failed tcp bind is tried once more with a plain Java server socket on the same address and
 * port, closed at once, whose error names the real cause.
 */
final class BindProbe {

	private BindProbe() {
	}

	static ZmqBindException diagnose(String socketName, String endpoint, RuntimeException failure) {
		Optional<UnknownHostException> unknownHost = causeOf(failure, UnknownHostException.class);
		Endpoint parsed = parse(endpoint);
		if (unknownHost.isPresent()) {
			String host = (parsed != null) ? parsed.host().orElse(endpoint) : endpoint;
			return new ZmqBindException(socketName, endpoint, ZmqBindException.Failure.UNKNOWN_HOST,
					"the host name '" + host + "' does not resolve", failure);
		}
		if (failure instanceof ZMQException zmq && zmq.getErrorCode() == ZMQ.Error.EADDRNOTAVAIL.getCode()) {
			return new ZmqBindException(socketName, endpoint, ZmqBindException.Failure.ADDRESS_NOT_AVAILABLE,
					ZmqErrorText.of(failure), failure);
		}
		if (parsed != null && parsed.transport() == Transport.TCP) {
			Optional<ZmqBindException> probed = probe(socketName, endpoint, parsed, failure);
			if (probed.isPresent()) {
				return probed.get();
			}
		}
		return new ZmqBindException(socketName, endpoint, failure);
	}

	private static Optional<ZmqBindException> probe(String socketName, String endpoint, Endpoint parsed,
			RuntimeException failure) {
		String host = parsed.host().orElseThrow();
		String port = parsed.port().orElseThrow();
		InetSocketAddress address;
		try {
			int number = port.equals("*") ? 0 : Integer.parseInt(port);
			address = host.equals("*") ? new InetSocketAddress(number) : new InetSocketAddress(host, number);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
		if (address.isUnresolved()) {
			return Optional.of(new ZmqBindException(socketName, endpoint, ZmqBindException.Failure.UNKNOWN_HOST,
					"the host name '" + host + "' does not resolve", failure));
		}
		try (ServerSocket probe = new ServerSocket()) {
			probe.bind(address);
			// Free now: whatever it was has passed, and JeroMQ's own words are all there is.
			return Optional.empty();
		}
		catch (BindException ex) {
			String message = String.valueOf(ex.getMessage());
			String lower = message.toLowerCase(Locale.ROOT);
			ZmqBindException.Failure kind = lower.contains("in use") ? ZmqBindException.Failure.ADDRESS_IN_USE
					: lower.contains("assign") || lower.contains("not available") ? ZmqBindException.Failure.ADDRESS_NOT_AVAILABLE
					: lower.contains("permission") || lower.contains("access") ? ZmqBindException.Failure.PERMISSION_DENIED
					: ZmqBindException.Failure.OTHER;
			return Optional.of(new ZmqBindException(socketName, endpoint, kind, message, failure));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static @Nullable Endpoint parse(String endpoint) {
		try {
			return Endpoint.parse(endpoint);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

}
