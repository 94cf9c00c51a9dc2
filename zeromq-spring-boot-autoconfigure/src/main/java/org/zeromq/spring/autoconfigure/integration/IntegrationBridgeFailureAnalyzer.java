package org.zeromq.spring.autoconfigure.integration;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a bridge under {@code zeromq.integration} that cannot work, naming its property. */
class IntegrationBridgeFailureAnalyzer extends AbstractFailureAnalyzer<IntegrationBridgeException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IntegrationBridgeException cause) {
		return new FailureAnalysis("The ZeroMQ Spring Integration bridge configuration is invalid:" + System.lineSeparator()
				+ "    " + cause.property() + ": " + cause.problem(),
				"Update your application's configuration: " + cause.property() + ": " + cause.action(), cause);
	}

}
