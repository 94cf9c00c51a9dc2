package org.zeromq.spring.autoconfigure;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The analysis of a startup that failed on invalid properties, the same for sockets, proxies and
 * security: every violation at once, each naming its property, first with the problem (and where
 * the property is set), then with the fix, so that one round of editing fixes them all.
 *
 * @param <V> the kind of violation
 */
final class InvalidPropertiesAnalysis<V> {

	private final Function<V, String> property;

	private final Function<V, String> problem;

	private final Function<V, String> fix;

	/**
	 * @param property the property a violation is about
	 * @param problem what is wrong, with where it is set when known
	 * @param fix what to write instead
	 */
	InvalidPropertiesAnalysis(Function<V, String> property, Function<V, String> problem, Function<V, String> fix) {
		this.property = property;
		this.problem = problem;
		this.fix = fix;
	}

	/** The analysis headed {@code heading} (such as "The ZeroMQ proxy configuration is invalid"). */
	FailureAnalysis of(String heading, List<V> violations, Throwable cause) {
		String description = heading + ":" + lines(violations, this.problem);
		String action = "Update your application's configuration:" + lines(violations, this.fix);
		return new FailureAnalysis(description, action, cause);
	}

	private String lines(List<V> violations, Function<V, String> text) {
		return violations.stream()
			.map((violation) -> System.lineSeparator() + "    " + this.property.apply(violation) + ": "
					+ text.apply(violation))
			.collect(Collectors.joining());
	}

}
