package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;

import org.zeromq.spring.benchmarks.harness.Arrivals;

/**
 * Sends a round of one-way messages from the harness thread and times it until the receiver has
 * counted the last one: the rate of the whole pipe, sender, transport and receiver together.
 */
final class ThroughputSide extends OwningSide {

	private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

	private final int messages;

	private final Arrivals arrivals;

	private final Runnable sendOne;

	private String note;

	/**
	 * @param closeInOrder what to close when done, senders before receivers
	 */
	ThroughputSide(int messages, Arrivals arrivals, Runnable sendOne, AutoCloseable... closeInOrder) {
		super(closeInOrder);
		this.messages = messages;
		this.arrivals = arrivals;
		this.sendOne = sendOne;
	}

	@Override
	public double[] runRound() throws Exception {
		long before = this.arrivals.count();
		this.arrivals.expect(this.messages);
		long start = System.nanoTime();
		for (int i = 0; i < this.messages; i++) {
			this.sendOne.run();
		}
		boolean all = this.arrivals.await(ROUND_TIMEOUT);
		long elapsed = System.nanoTime() - start;
		long arrived = this.arrivals.count() - before;
		if (!all) {
			// Counted, not hidden: the rate is that of what arrived.
			this.note = "only " + arrived + " of " + this.messages + " messages arrived within " + ROUND_TIMEOUT.toSeconds() + " s";
		}
		return new double[] { arrived * 1e9 / elapsed };
	}

	@Override
	public long operationsPerRound() {
		return this.messages;
	}

	@Override
	public String note() {
		return this.note;
	}

}
