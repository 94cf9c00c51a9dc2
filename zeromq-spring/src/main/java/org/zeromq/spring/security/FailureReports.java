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

	private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
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
		Entry entry = this.entries.get(subject);
		if (entry == null) {
			this.entries.put(subject, new Entry(now));
			return OptionalLong.of(0);
		}
		if (now - entry.lastReport >= this.intervalNanos) {
			long leftOut = entry.leftOut;
			entry.lastReport = now;
			entry.leftOut = 0;
			return OptionalLong.of(leftOut);
		}
		entry.leftOut++;
		return OptionalLong.empty();
	}

	private static final class Entry {

		private long lastReport;

		private long leftOut;

		private Entry(long lastReport) {
			this.lastReport = lastReport;
		}

	}

}
