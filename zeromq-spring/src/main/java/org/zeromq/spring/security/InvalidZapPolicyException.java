package org.zeromq.spring.security;

import java.util.List;
import java.util.stream.Collectors;

import org.zeromq.spring.core.ZmqException;

/** Thrown when the settings of a {@link ZapPolicy} make no sense; lists every violation found. */
public class InvalidZapPolicyException extends ZmqException {

	private final List<PolicyViolation> violations;

	public InvalidZapPolicyException(List<PolicyViolation> violations) {
		super("Invalid ZeroMQ security settings:" + violations.stream()
			.map((violation) -> System.lineSeparator() + " - " + violation)
			.collect(Collectors.joining()));
		this.violations = List.copyOf(violations);
	}

	public List<PolicyViolation> violations() {
		return this.violations;
	}

}
