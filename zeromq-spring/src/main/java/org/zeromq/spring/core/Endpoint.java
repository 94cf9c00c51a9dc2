package org.zeromq.spring.core;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A ZeroMQ endpoint such as {@code tcp://127.0.0.1:5555}, {@code ipc://name} or
 * {@code inproc://name}, checked against what JeroMQ can actually open. A tcp endpoint's host and
 * port are checked as written (JeroMQ itself fails on them with a bare
 * {@code IllegalArgumentException} or {@code NumberFormatException}, which looked like a bind
 * failure); whether a host name resolves is left to the bind or connect.
 *
 * @param uri the endpoint as written
 * @param transport its transport
 */
public record Endpoint(String uri, Transport transport) {

	// Transports libzmq has that JeroMQ does not implement: named so that the error can say so
	// instead of leaving the user with a generic protocol error at bind time.
	private static final Set<String> NOT_IN_JEROMQ = Set.of("pgm", "epgm", "norm", "tipc", "vmci", "udp", "ws", "wss");

	private static final String TCP_FORM = "write it as tcp://host:port, e.g. tcp://127.0.0.1:5555 (a bind may use * as"
			+ " host for every interface, and * as port for a free one)";

	// RFC 1123 labels; underscores too, which resolvers accept in practice.
	private static final Pattern HOST_NAME = Pattern
		.compile("(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");

	private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

	private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

	/**
	 * @throws IllegalArgumentException naming what is wrong and the form to write, when the
	 * endpoint is not one JeroMQ can open
	 */
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
				Endpoint endpoint = new Endpoint(trimmed, transport);
				if (transport == Transport.TCP) {
					endpoint.checkTcpAddress();
				}
				return endpoint;
			}
		}
		if (NOT_IN_JEROMQ.contains(scheme)) {
			throw new IllegalArgumentException("'" + trimmed + "' uses " + scheme
					+ "://, which JeroMQ does not implement; use tcp://, ipc:// or inproc://");
		}
		throw new IllegalArgumentException("'" + trimmed + "' uses the unknown transport " + scheme
				+ "://; use tcp://, ipc:// or inproc://");
	}

	/**
	 * The host of a tcp endpoint as written, without brackets around an IPv6 address, and
	 * without the local address a connect may name after it (JeroMQ reads
	 * {@code tcp://host:port;local-host:local-port}, the other way round from libzmq); empty for
	 * other transports.
	 */
	public Optional<String> host() {
		return (this.transport == Transport.TCP) ? Optional.of(unbracketed(hostPart(target()))) : Optional.empty();
	}

	/** The port of a tcp endpoint as written ({@code 5555}, or {@code *}); empty for other transports. */
	public Optional<String> port() {
		return (this.transport == Transport.TCP) ? Optional.of(portPart(target())) : Optional.empty();
	}

	/**
	 * Why a socket cannot connect to this endpoint, when it names a wildcard host or port, which
	 * only a bind can choose; empty otherwise.
	 */
	public Optional<String> connectProblem() {
		if (this.transport != Transport.TCP) {
			return Optional.empty();
		}
		String host = hostPart(target());
		String port = portPart(target());
		if (host.equals("*")) {
			return Optional.of("'" + this.uri + "' has the host *, which means every interface to a bind but names no peer"
					+ " to connect to; write the peer's host, 127.0.0.1 for this machine");
		}
		if (port.equals("*") || Integer.parseInt(port) == 0) {
			return Optional.of("'" + this.uri + "' has the port " + port + ", which lets a bind pick a free port but names"
					+ " no peer's port to connect to; write the port the peer binds");
		}
		return Optional.empty();
	}

	// What follows "tcp://", less the local address JeroMQ takes after a ';' (TcpAddress).
	private String target() {
		String address = this.uri.substring(this.uri.indexOf("://") + 3);
		int local = address.indexOf(';');
		return (local >= 0) ? address.substring(0, local) : address;
	}

	private void checkTcpAddress() {
		String address = this.uri.substring(this.uri.indexOf("://") + 3);
		int local = address.indexOf(';');
		if (local >= 0) {
			checkHostAndPort(address.substring(0, local), "the address before ';'");
			if (local + 1 < address.length()) {
				checkHostAndPort(address.substring(local + 1), "the local address after ';'");
			}
		}
		else {
			checkHostAndPort(address, null);
		}
	}

	private void checkHostAndPort(String address, @Nullable String which) {
		String of = (which != null) ? " in " + which : "";
		int colon = address.lastIndexOf(':');
		if (colon < 0 || address.endsWith("]")) {
			throw new IllegalArgumentException("'" + this.uri + "' has no port" + of + "; " + TCP_FORM);
		}
		String host = address.substring(0, colon);
		String port = address.substring(colon + 1);
		if (host.isEmpty()) {
			throw new IllegalArgumentException("'" + this.uri + "' has no host" + of + "; " + TCP_FORM);
		}
		checkHost(host, of);
		checkPort(port, of);
	}

	private void checkHost(String host, String of) {
		if (host.equals("*")) {
			return;
		}
		if (host.startsWith("[")) {
			String inside = host.endsWith("]") ? host.substring(1, host.length() - 1) : "";
			if (!IPV6.matcher(inside).matches() || !inside.contains(":")) {
				throw new IllegalArgumentException("'" + this.uri + "' has the host " + host + of
						+ ", which is not an IPv6 address in brackets such as [::1]");
			}
			return;
		}
		if (host.contains(":")) {
			throw new IllegalArgumentException("'" + this.uri + "' has the host " + host + of
					+ ", an IPv6 address without brackets; write it as [" + host + "] (with the ipv6 option on)");
		}
		if (DOTTED_NUMBERS.matcher(host).matches()) {
			if (!isIpv4(host)) {
				throw new IllegalArgumentException("'" + this.uri + "' has the host " + host + of
						+ ", which is not an IPv4 address (four numbers from 0 to 255, such as 127.0.0.1)");
			}
			return;
		}
		if (!HOST_NAME.matcher(host).matches()) {
			throw new IllegalArgumentException("'" + this.uri + "' has the host '" + host + "'" + of
					+ ", which is not a host name, an IPv4 address or an IPv6 address in brackets; " + TCP_FORM);
		}
	}

	private void checkPort(String port, String of) {
		if (port.equals("*")) {
			return;
		}
		if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
			throw new IllegalArgumentException("'" + this.uri + "' has the port '" + port + "'" + of
					+ ", but a port is a number from 1 to 65535 (or * or 0, for a bind to pick a free one)");
		}
	}

	private static boolean isIpv4(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	private static String hostPart(String address) {
		return address.substring(0, address.lastIndexOf(':'));
	}

	private static String portPart(String address) {
		return address.substring(address.lastIndexOf(':') + 1);
	}

	private static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	@Override
	public String toString() {
		return this.uri;
	}

}
