package org.zeromq.spring.autoconfigure;

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

	private final InvalidPropertiesAnalysis<PolicyViolation> analysis;

	InvalidZapPolicyFailureAnalyzer(Environment environment) {
		this.properties = new SocketProperties(environment);
		this.analysis = new InvalidPropertiesAnalysis<>(
				InvalidZapPolicyFailureAnalyzer::property, (violation) -> violation.problem() + origin(violation),
				(violation) -> Remedy.describeAll(violation.remedies(), violation.setting()));
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidZapPolicyException cause) {
		return this.analysis.of("The ZeroMQ security settings are invalid", cause.violations(), cause);
	}

	private String origin(PolicyViolation violation) {
		return this.properties.originOf(property(violation)).map((origin) -> " (set in " + origin + ")").orElse("");
	}

	private static String property(PolicyViolation violation) {
		return SocketProperties.securityProperty(violation.setting());
	}

}
