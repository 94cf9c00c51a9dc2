package org.zeromq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.zeromq.spring.core.UnknownSocketException;
import org.zeromq.spring.integration.EndpointConfigurationException;

/**
 * Explains a Spring Integration adapter, gateway or channel that cannot run on its socket as
 * declared. Ordered before the analysis of an undeclared socket, which it includes, so that the
 * description names the endpoint that asked for it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ZmqEndpointFailureAnalyzer extends AbstractFailureAnalyzer<EndpointConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EndpointConfigurationException cause) {
		String description = "The ZeroMQ Spring Integration endpoint " + cause.endpoint() + " on socket '" + cause.socket()
				+ "' cannot run:" + System.lineSeparator() + "    " + cause.problem();
		UnknownSocketException undeclared = findCause(cause, UnknownSocketException.class);
		String action = (undeclared != null) ? UnknownSocketFailureAnalyzer.declareAction(undeclared)
				: "Update the endpoint or the socket declaration (" + ZmqProperties.SOCKETS_PREFIX + ".*): " + cause.action();
		return new FailureAnalysis(description, action, cause);
	}

}
