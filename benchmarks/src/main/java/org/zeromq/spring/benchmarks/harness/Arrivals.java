package org.zeromq.spring.benchmarks.harness;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts messages as a receiver (a raw loop or a listener method) takes them, and lets the
 * sending thread wait until a round's messages have all arrived. Raw and starter receivers call
 * it the same way, so it costs both the same.
 */
public final class Arrivals {

	private final AtomicLong count = new AtomicLong();

	private volatile CountDownLatch done = new CountDownLatch(0);

	private volatile long target = Long.MAX_VALUE;

	// Receivers add what they read here so that the JIT cannot drop a conversion as unused.
	private long sink;

	/** Starts a round of {@code messages}; call before the first of them is sent. */
	public void expect(long messages) {
		// The latch is published before the target: a receiver that sees the target sees the latch.
		this.done = new CountDownLatch(1);
		this.target = this.count.get() + messages;
	}

	/** A receiver took one message; {@code weight} is something it read from it. */
	public void arrived(long weight) {
		this.sink += weight;
		if (this.count.incrementAndGet() == this.target) {
			this.done.countDown();
		}
	}

	/** @return whether every expected message arrived within the time */
	public boolean await(Duration timeout) throws InterruptedException {
		return this.done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	public long count() {
		return this.count.get();
	}

	public long sink() {
		return this.sink;
	}

}
