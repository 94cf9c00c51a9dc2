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
 */
public record ContextSettings(int ioThreads, @Nullable Integer maxSockets, boolean ipv6, Duration linger) {

	/** One I/O thread, JeroMQ's socket limit, IPv4, and one second for queued messages to leave on close. */
	public static final ContextSettings DEFAULTS = new ContextSettings(1, null, false, Duration.ofSeconds(1));

	/** These settings with another socket linger. */
	public ContextSettings withLinger(Duration newLinger) {
		return new ContextSettings(this.ioThreads, this.maxSockets, this.ipv6, newLinger);
	}

}
