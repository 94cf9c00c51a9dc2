package org.zeromq.spring.benchmarks.harness;

import java.util.Arrays;

/** Median, minimum and maximum of a handful of rounds, and percentiles of latency samples. */
public record Stats(double median, double min, double max) {

	public static Stats of(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		double median = (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
		return new Stats(median, sorted[0], sorted[n - 1]);
	}

	/** Nearest-rank percentile of samples sorted in place. */
	public static long percentile(long[] sortedSamples, double percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sortedSamples.length);
		return sortedSamples[Math.max(0, Math.min(sortedSamples.length - 1, rank - 1))];
	}

}
