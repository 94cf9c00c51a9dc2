package org.zeromq.spring.benchmarks.harness;

/**
 * One way of doing a scenario (raw JeroMQ, the starter, Spring Integration's module), set up
 * once and then run round after round. Closing it stops everything it started.
 */
public interface Side extends AutoCloseable {

	/**
	 * Runs one timed round.
	 * @return one value per metric of the scenario, in the scenario's order
	 */
	double[] runRound() throws Exception;

	/**
	 * Messages (or requests) one round handles, for the bytes allocated per message; 0 when the
	 * side does not say.
	 */
	default long operationsPerRound() {
		return 0;
	}

	/** What the last round saw that a reader should know (e.g. messages lost), or {@code null}. */
	default String note() {
		return null;
	}

	@Override
	void close() throws Exception;

}
