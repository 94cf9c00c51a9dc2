package org.zeromq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.zeromq.spring.core.UnknownSocketException;
import org.zeromq.spring.listener.ListenerConfigurationException;

/**
 * Explains a {@code @ZmqListener} that cannot run as declared (an undeclared socket, a socket
 * type that cannot listen, a method no message can call, a bad attribute) the Boot way, instead
 * of a stack trace.
 */
class ZmqListenerFailureAnalyzer extends AbstractFailureAnalyzer<ListenerConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ListenerConfigurationException cause) {
		String on = cause.socket().isEmpty() ? "" : " on socket '" + cause.socket() + "'";
		String description = "The ZeroMQ listener " + cause.listener() + on + " cannot run:" + System.lineSeparator()
				+ "    " + cause.problem();
		UnknownSocketException undeclared = findCause(cause, UnknownSocketException.class);
		String action = (undeclared != null) ? UnknownSocketFailureAnalyzer.declareAction(undeclared)
				: "Update the listener or the socket declaration (" + ZmqProperties.SOCKETS_PREFIX + ".*): " + cause.action();
		return new FailureAnalysis(description, action, cause);
	}

}
