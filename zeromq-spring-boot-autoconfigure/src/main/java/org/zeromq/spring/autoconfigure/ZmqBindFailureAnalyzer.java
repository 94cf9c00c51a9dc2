package org.zeromq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.zeromq.spring.core.ZmqBindException;

/** Explains a socket that could not bind, the way Boot explains a web port already in use. */
class ZmqBindFailureAnalyzer extends AbstractFailureAnalyzer<ZmqBindException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZmqBindException cause) {
		String property = ZmqProperties.SOCKETS_PREFIX + "." + cause.socketName() + ".bind";
		String description = "ZeroMQ socket '" + cause.socketName() + "' could not bind " + cause.endpoint() + ": "
				+ cause.reason() + ".";
		String action = "Another process (or another socket of this one) may already be bound to " + cause.endpoint()
				+ ". Stop it, or change " + property + " to a free endpoint (tcp://127.0.0.1:* picks a free port).";
		return new FailureAnalysis(description, action, cause);
	}

}
