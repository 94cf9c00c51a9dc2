package org.zeromq.spring.proxy;

import java.util.List;
import java.util.stream.Collectors;

import org.zeromq.spring.core.ZmqException;

/** Thrown before any proxy runs when proxy declarations make no sense; lists every violation found. */
public class InvalidProxySpecException extends ZmqException {

	private final List<ProxyViolation> violations;

	public InvalidProxySpecException(List<ProxyViolation> violations) {
		super("Invalid ZeroMQ proxy declarations:" + violations.stream()
			.map((violation) -> System.lineSeparator() + " - " + violation)
			.collect(Collectors.joining()));
		this.violations = List.copyOf(violations);
	}

	public List<ProxyViolation> violations() {
		return this.violations;
	}

}
