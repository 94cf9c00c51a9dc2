package org.zeromq.spring.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.zeromq.spring.core.InvalidSocketSpecException;

/** Lists every invalid {@code zeromq.sockets.*} property with what to write instead. */
class InvalidSocketSpecFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSocketSpecException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSocketSpecException cause) {
		String description = "The ZeroMQ socket configuration is invalid:" + cause.violations()
			.stream()
			.map((violation) -> System.lineSeparator() + "    " + violation.property() + ": " + violation.problem())
			.collect(Collectors.joining());
		String action = "Update your application's configuration:" + cause.violations()
			.stream()
			.map((violation) -> System.lineSeparator() + "    " + violation.property() + ": " + violation.fix())
			.collect(Collectors.joining());
		return new FailureAnalysis(description, action, cause);
	}

}
