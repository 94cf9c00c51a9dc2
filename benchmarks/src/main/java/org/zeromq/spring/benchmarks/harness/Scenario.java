package org.zeromq.spring.benchmarks.harness;

import java.util.List;
import java.util.Optional;

/**
 * Something measured in several ways in one process run. Sides are opened one after another
 * (never two scenarios at once) and closed before the next scenario starts.
 */
public interface Scenario {

	/** Names the scenario in the table and in {@code --only}. */
	String name();

	/** What each round yields, in table order; most scenarios count messages per second. */
	default List<Metric> metrics() {
		return List.of(Metric.THROUGHPUT);
	}

	/**
	 * The ways to run it, by label, in table order; most scenarios compare raw JeroMQ with the
	 * starter.
	 */
	default List<String> sides() {
		return List.of("raw", "starter");
	}

	Side open(String side) throws Exception;

	/** Where the scenario sits on a sweep, if it belongs to one. */
	default Optional<SweepPoint> sweepPoint() {
		return Optional.empty();
	}

}
