package org.zeromq.spring.autoconfigure;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.zeromq.spring.core.InvalidSocketSpecException;
import org.zeromq.spring.core.SpecViolation;

/**
 * Lists every invalid {@code zeromq.sockets.*} property with where it is set and what to write
 * instead.
 */
class InvalidSocketSpecFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSocketSpecException> {

	private final SocketProperties properties;

	InvalidSocketSpecFailureAnalyzer(@Nullable Environment environment) {
		this.properties = new SocketProperties(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSocketSpecException cause) {
		String description = "The ZeroMQ socket configuration is invalid:" + cause.violations()
			.stream()
			.map((violation) -> System.lineSeparator() + "    " + property(violation) + ": " + violation.problem()
					+ this.properties.origin(violation.socket(), violation.setting()))
			.collect(Collectors.joining());
		String action = "Update your application's configuration:" + cause.violations()
			.stream()
			.map((violation) -> System.lineSeparator() + "    " + property(violation) + ": " + SocketProperties.fix(violation))
			.collect(Collectors.joining());
		return new FailureAnalysis(description, action, cause);
	}

	private static String property(SpecViolation violation) {
		return SocketProperties.property(violation.socket(), violation.setting());
	}

}
