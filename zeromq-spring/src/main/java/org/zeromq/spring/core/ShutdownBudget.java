package org.zeromq.spring.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.zeromq.ZContext;

/**
 * The time closing the application may spend on ZeroMQ, shared by the steps of the close in
 * their order: listeners finishing the handlers still running, the template's request
 * pipelines, the shared sockets, and the termination of the context. Each step waits at most
 * for what the steps before it left, so the close ends within the budget whatever peers and
 * handlers do; what a step cannot finish in time is released or abandoned, and logged.
 * <p>
 * Only the steps are counted, not the time between them: Spring closes other beans in between
 * (a web server draining its requests, which may still send), and that time is theirs.
 * <p>
 * The first step, the listeners', keeps a {@link #reserve()} for the steps after it, so that a
 * handler that overstays cannot leave the sockets no time to deliver what they hold: the
 * context's linger, at most half the budget.
 * <p>
 * The budget lives with the context ({@link SupervisedZContext#shutdownBudget()}), which every
 * part of the starter shares; {@link #of(ZContext)} finds it.
 */
public final class ShutdownBudget {

	/** What closing may spend on ZeroMQ unless set otherwise. */
	public static final Duration DEFAULT = Duration.ofSeconds(15);

	private final Duration total;

	private final Duration reserve;

	// Guarded by this.
	private long spentNanos;

	/**
	 * @param total the most all steps together may take
	 * @throws IllegalArgumentException when it is negative
	 */
	public ShutdownBudget(Duration total) {
		this(total, Duration.ZERO);
	}

	/**
	 * @param total the most all steps together may take
	 * @param reserve what the first step leaves to the others; cut to half the total
	 * @throws IllegalArgumentException when either is negative
	 */
	public ShutdownBudget(Duration total, Duration reserve) {
		if (total.isNegative() || reserve.isNegative()) {
			throw new IllegalArgumentException("a shutdown budget cannot be negative, was " + total + " keeping " + reserve);
		}
		this.total = total;
		Duration half = total.dividedBy(2);
		this.reserve = (reserve.compareTo(half) > 0) ? half : reserve;
	}

	/**
	 * The budget of the context the starter's sockets live in; a context the starter did not
	 * build has none, and each step then gets the {@link #DEFAULT} of its own.
	 */
	public static ShutdownBudget of(ZContext context) {
		return (context instanceof SupervisedZContext supervised) ? supervised.shutdownBudget() : new ShutdownBudget(DEFAULT);
	}

	public Duration total() {
		return this.total;
	}

	/** What {@link #beginKeepingReserve()} leaves to the steps after it. */
	public Duration reserve() {
		return this.reserve;
	}

	/** Time the steps have left between them. */
	public synchronized Duration remaining() {
		return Duration.ofNanos(Math.max(0, this.total.toNanos() - this.spentNanos));
	}

	/** Begins a step of the close: it may last until what the budget has left runs out. */
	public synchronized Step begin() {
		return new Step(System.nanoTime(), Math.max(0, this.total.toNanos() - this.spentNanos));
	}

	/** Begins the first step of the close, which leaves the {@link #reserve()} to the steps after it. */
	public synchronized Step beginKeepingReserve() {
		return new Step(System.nanoTime(), Math.max(0, this.total.toNanos() - this.spentNanos - this.reserve.toNanos()));
	}

	private synchronized void charge(long nanos) {
		this.spentNanos += nanos;
	}

	/** One step of the close; {@link #close()} charges the time it took to the budget. */
	public final class Step implements AutoCloseable {

		private final long start;

		private final long deadline;

		private boolean ended;

		private Step(long start, long allowedNanos) {
			this.start = start;
			this.deadline = start + allowedNanos;
		}

		/** What is left of this step, never negative. */
		public Duration remaining() {
			return Duration.ofNanos(Math.max(0, this.deadline - System.nanoTime()));
		}

		/** {@link #remaining()} in milliseconds, rounded up, for waits that take milliseconds. */
		public long remainingMillis() {
			long nanos = this.deadline - System.nanoTime();
			return (nanos <= 0) ? 0 : TimeUnit.NANOSECONDS.toMillis(nanos) + 1;
		}

		/** The budget this step draws on. */
		public ShutdownBudget budget() {
			return ShutdownBudget.this;
		}

		/** Ends the step; calling it again charges nothing more. */
		@Override
		public void close() {
			synchronized (this) {
				if (this.ended) {
					return;
				}
				this.ended = true;
			}
			charge(System.nanoTime() - this.start);
		}

	}

}
