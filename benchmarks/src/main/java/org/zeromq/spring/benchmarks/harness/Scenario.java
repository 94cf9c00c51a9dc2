package org.zeromq.spring.benchmarks.harness;

import java.util.List;

/**
 * Something measured in several ways in one process run. Sides are opened one after another
 * (never two scenarios at once) and closed before the next scenario starts.
 */
public interface Scenario {

	/** Names the scenario in the table and in {@code --only}. */
	String name();

	List<Metric> metrics();

	/** The ways to run it, by label ({@code raw}, {@code starter}, …), in table order. */
	List<String> sides();

	Side open(String side) throws Exception;

}
