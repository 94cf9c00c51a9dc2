package org.zeromq.spring.benchmarks.harness.scenarios;

import java.util.Arrays;

import org.zeromq.spring.benchmarks.harness.Stats;

/**
 * Runs round trips one at a time from the harness thread, each timed on its own, and reports
 * the {@link RequestReplyScenario}'s metrics: p50, p99 and p99.9 in microseconds, and round trips
 * per second.
 */
final class LatencySide extends OwningSide {

	private final Runnable roundTrip;

	private final long[] samples;

	LatencySide(int requests, Runnable roundTrip, AutoCloseable... closeInOrder) {
		super(closeInOrder);
		this.roundTrip = roundTrip;
		this.samples = new long[requests];
	}

	@Override
	public double[] runRound() {
		long start = System.nanoTime();
		for (int i = 0; i < this.samples.length; i++) {
			long before = System.nanoTime();
			this.roundTrip.run();
			this.samples[i] = System.nanoTime() - before;
		}
		long elapsed = System.nanoTime() - start;
		Arrays.sort(this.samples);
		return new double[] { micros(Stats.percentile(this.samples, 50)), micros(Stats.percentile(this.samples, 99)),
				micros(Stats.percentile(this.samples, 99.9)), this.samples.length * 1e9 / elapsed };
	}

	@Override
	public long operationsPerRound() {
		return this.samples.length;
	}

	private static double micros(long nanos) {
		return nanos / 1000.0;
	}

}
