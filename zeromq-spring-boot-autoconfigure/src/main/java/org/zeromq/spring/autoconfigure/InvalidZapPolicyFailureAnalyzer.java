package org.zeromq.spring.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.zeromq.spring.core.Remedy;
import org.zeromq.spring.security.InvalidZapPolicyException;
import org.zeromq.spring.security.PolicyViolation;

/**
 * Lists every invalid {@code zeromq.security.*} property with where it is set and what to do
 * instead. Like the other analyzers it never repeats a key or a password: the violations hold
 * none.
 */
class InvalidZapPolicyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidZapPolicyException> {

	private final SocketProperties properties;

	InvalidZapPolicyFailureAnalyzer(Environment environment) {
		this.properties = new SocketProperties(environment);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidZapPolicyException cause) {
		String description = "The ZeroMQ security settings are invalid:" + cause.violations()
			.stream()
			.map((violation) -> System.lineSeparator() + "    " + property(violation) + ": " + violation.problem()
					+ origin(violation))
			.collect(Collectors.joining());
		String action = "Update your application's configuration:" + cause.violations()
			.stream()
			.map((violation) -> System.lineSeparator() + "    " + property(violation) + ": "
					+ Remedy.describeAll(violation.remedies(), violation.setting()))
			.collect(Collectors.joining());
		return new FailureAnalysis(description, action, cause);
	}

	private String origin(PolicyViolation violation) {
		return this.properties.originOf(property(violation)).map((origin) -> " (set in " + origin + ")").orElse("");
	}

	private static String property(PolicyViolation violation) {
		return SocketProperties.securityProperty(violation.setting());
	}

}
