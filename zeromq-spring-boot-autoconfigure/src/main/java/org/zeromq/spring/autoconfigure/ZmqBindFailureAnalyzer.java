package org.zeromq.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.zeromq.spring.core.ZmqBindException;

/** Explains a socket that could not bind, the way Boot explains a web port already in use. */
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
		String action = "Another process (or another socket of this one) may already be bound to " + cause.endpoint()
				+ ". Stop it, or change " + property + " to a free endpoint (tcp://127.0.0.1:* picks a free port).";
		return new FailureAnalysis(description, action, cause);
	}

}
