package org.zeromq.spring.core;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before any socket opens when declarations make no sense; lists every violation found. */
public class InvalidSocketSpecException extends ZmqException {

	private final List<SpecViolation> violations;

	public InvalidSocketSpecException(List<SpecViolation> violations) {
		super("Invalid ZeroMQ socket declarations:" + violations.stream()
			.map((violation) -> System.lineSeparator() + " - " + violation)
			.collect(Collectors.joining()));
		this.violations = List.copyOf(violations);
	}

	public List<SpecViolation> violations() {
		return this.violations;
	}

}
