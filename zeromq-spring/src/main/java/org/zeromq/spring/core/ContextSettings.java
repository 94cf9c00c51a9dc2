package org.zeromq.spring.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the process-wide ZeroMQ context is built.
 *
 * @param ioThreads ZMQ_IO_THREADS, background I/O threads (one handles about a gigabyte a second)
 * @param maxSockets ZMQ_MAX_SOCKETS, or {@code null} for JeroMQ's default (1024)
 * @param ipv6 ZMQ_IPV6 for every socket of the context
 * @param linger the linger every socket gets unless its spec sets one
 * @param shutdownTimeout the most closing the application may spend on ZeroMQ, all steps
 * together (see {@link ShutdownBudget})
 */
public record ContextSettings(int ioThreads, @Nullable Integer maxSockets, boolean ipv6, Duration linger,
		Duration shutdownTimeout) {

	/**
	 * One I/O thread, JeroMQ's socket limit, IPv4, one second for queued messages to leave on
	 * close, and {@link ShutdownBudget#DEFAULT} for the whole close.
	 */
	public static final ContextSettings DEFAULTS = new ContextSettings(1, null, false, Duration.ofSeconds(1));

	public ContextSettings {
		if (shutdownTimeout == null) {
			shutdownTimeout = ShutdownBudget.DEFAULT;
		}
		if (shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException("the shutdown timeout cannot be negative, was " + shutdownTimeout);
		}
	}

	/** Settings with the {@link ShutdownBudget#DEFAULT default shutdown timeout}. */
	public ContextSettings(int ioThreads, @Nullable Integer maxSockets, boolean ipv6, Duration linger) {
		this(ioThreads, maxSockets, ipv6, linger, ShutdownBudget.DEFAULT);
	}

	/** These settings with another socket linger. */
	public ContextSettings withLinger(Duration newLinger) {
		return new ContextSettings(this.ioThreads, this.maxSockets, this.ipv6, newLinger, this.shutdownTimeout);
	}

	/** These settings with another bound for the whole close. */
	public ContextSettings withShutdownTimeout(Duration newShutdownTimeout) {
		return new ContextSettings(this.ioThreads, this.maxSockets, this.ipv6, this.linger, newShutdownTimeout);
	}

}
