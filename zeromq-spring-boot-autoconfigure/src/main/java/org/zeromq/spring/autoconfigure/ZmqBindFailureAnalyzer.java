package org.zeromq.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.zeromq.spring.core.ZmqBindException;

/**
 * Explains a socket that could not bind, the way Boot explains a web port already in use, with
 * the fix that matches the cause: a port taken, an address that is not this machine's, a port
 * that needs privileges, or a host name that does not resolve.
 */
class ZmqBindFailureAnalyzer extends AbstractFailureAnalyzer<ZmqBindException> {

	private final SocketProperties properties;

	ZmqBindFailureAnalyzer(@Nullable Environment environment) {
		this.properties = new SocketProperties(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZmqBindException cause) {
		String property = SocketProperties.property(cause.socketName(), "bind");
		String description = "ZeroMQ socket '" + cause.socketName() + "' could not bind " + cause.endpoint() + ": "
				+ cause.reason() + this.properties.origin(cause.socketName(), "bind") + ".";
		String action = switch (cause.failure()) {
			case ADDRESS_IN_USE, OTHER -> "Another process (or another socket of this one) may already be bound to "
					+ cause.endpoint() + ". Stop it, or change " + property
					+ " to a free endpoint (tcp://127.0.0.1:* picks a free port).";
			case ADDRESS_NOT_AVAILABLE -> "The host of " + cause.endpoint() + " is not an address of this machine (or"
					+ " is IPv6 while zeromq.context.ipv6 is off), so nothing here can bind it. Change " + property
					+ " to an address this machine has: 127.0.0.1 for peers on this machine, * for every interface.";
			case PERMISSION_DENIED -> "The operating system does not let this process bind " + cause.endpoint()
					+ "; ports below 1024 need privileges. Change " + property + " to a port of 1024 or above, or give"
					+ " the process the privilege (on Linux, CAP_NET_BIND_SERVICE).";
			case UNKNOWN_HOST -> "Change " + property + " to a host name that resolves, an IP address of this"
					+ " machine (127.0.0.1 for peers on this machine), or * for every interface.";
		};
		return new FailureAnalysis(description, action, cause);
	}

}
