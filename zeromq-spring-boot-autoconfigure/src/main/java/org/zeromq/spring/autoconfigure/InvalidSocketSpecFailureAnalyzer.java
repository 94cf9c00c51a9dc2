package org.zeromq.spring.autoconfigure;

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

	private final InvalidPropertiesAnalysis<SpecViolation> analysis;

	InvalidSocketSpecFailureAnalyzer(@Nullable Environment environment) {
		this.properties = new SocketProperties(environment);
		this.analysis = new InvalidPropertiesAnalysis<>(
				InvalidSocketSpecFailureAnalyzer::property,
				(violation) -> violation.problem() + this.properties.origin(violation.socket(), violation.setting()),
				SocketProperties::fix);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSocketSpecException cause) {
		return this.analysis.of("The ZeroMQ socket configuration is invalid", cause.violations(), cause);
	}

	private static String property(SpecViolation violation) {
		return SocketProperties.property(violation.socket(), violation.setting());
	}

}
