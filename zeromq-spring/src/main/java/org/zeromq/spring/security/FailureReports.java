package org.zeromq.spring.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Decides which refused or failed handshakes reach the log: the first for each subject (a peer
 * address, an endpoint), then at most one per interval with the number left out since. A
 * client retrying every 100 ms, or many peers at once, must not flood the log: the subjects
 * kept are bounded, and when they overflow the oldest is forgotten, so that it may be reported
 * once more, never more often than once per interval per subject still remembered.
 */
final class FailureReports {

	/** Subjects remembered at most; peers are untrusted and there may be any number of them. */
	static final int MAX_SUBJECTS = 1024;

	private final long intervalNanos;

	private final LongSupplier clock;

	private final Map<String, Tally> tallies = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
			return size() > MAX_SUBJECTS;
		}

	};

	/**
	 * @param intervalNanos the least time between two reports about one subject
	 * @param clock nanoseconds
	 */
	FailureReports(long intervalNanos, LongSupplier clock) {
		this.intervalNanos = intervalNanos;
		this.clock = clock;
	}

	/**
	 * Whether to report this occurrence about {@code subject}: if so, how many occurrences were
	 * left out since the last report; empty when this one is left out.
	 */
	synchronized OptionalLong admit(String subject) {
		long now = this.clock.getAsLong();
		Tally tally = this.tallies.get(subject);
		if (tally == null) {
			this.tallies.put(subject, new Tally(now));
			return OptionalLong.of(0);
		}
		if (now - tally.lastReport >= this.intervalNanos) {
			long leftOut = tally.leftOut;
			tally.lastReport = now;
			tally.leftOut = 0;
			return OptionalLong.of(leftOut);
		}
		tally.leftOut++;
		return OptionalLong.empty();
	}

	// Not named Entry: inside the LinkedHashMap subclass above, that name is Map.Entry.
	private static final class Tally {

		private long lastReport;

		private long leftOut;

		private Tally(long lastReport) {
			this.lastReport = lastReport;
		}

	}

}
