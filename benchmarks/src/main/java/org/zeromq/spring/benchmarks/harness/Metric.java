package org.zeromq.spring.benchmarks.harness;

/**
 * One number a scenario measures per round.
 *
 * @param name what is measured, e.g. {@code msg/s} or {@code p99 µs}
 * @param higherIsBetter whether a larger value is the better one (throughput) or not (latency)
 */
public record Metric(String name, boolean higherIsBetter) {

	public static final Metric THROUGHPUT = new Metric("msg/s", true);

	public static Metric latency(String percentile) {
		return new Metric(percentile + " µs", false);
	}

}
