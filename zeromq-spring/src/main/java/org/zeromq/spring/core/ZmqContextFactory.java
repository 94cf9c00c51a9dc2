package org.zeromq.spring.core;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Builds the one ZeroMQ context of the process. Its I/O and reaper threads get names that say
 * what they are ({@code zmq-io-1-2}, {@code zmq-reaper-1}); one that dies of an uncaught error
 * is reported to the log with its cause instead of standard error, and marks the context as
 * failed ({@link SupervisedZContext}).
 */
public final class ZmqContextFactory {

	private static final Log logger = LogFactory.getLog(ZmqContextFactory.class);

	private static final AtomicInteger contexts = new AtomicInteger();

	private ZmqContextFactory() {
	}

	public static SupervisedZContext create(ContextSettings settings) {
		int id = contexts.incrementAndGet();
		SupervisedZContext context = new SupervisedZContext(settings.ioThreads(),
				new ShutdownBudget(settings.shutdownTimeout(), settings.linger()), id);
		context.setLinger((int) settings.linger().toMillis());
		if (settings.maxSockets() != null) {
			context.getContext().setMaxSockets(settings.maxSockets());
		}
		context.getContext().setIPv6(settings.ipv6());
		Thread.UncaughtExceptionHandler toLog = context::threadDied;
		context.setUncaughtExceptionHandler(toLog);
		// The poller caught this one and its thread lives on. Peers can cause it at will (a
		// ZMTP PING shorter than 7 bytes throws IndexOutOfBoundsException in JeroMQ 0.6.0), so
		// it stays at DEBUG where it cannot flood the log.
		context.setNotificationExceptionHandler((thread, error) -> logger
			.debug("ZeroMQ thread " + thread.getName() + " reported: " + error, error));
		context.getContext().setThreadFactor((runnable, jeromqName) -> {
			Thread thread = new Thread(runnable, threadName(id, jeromqName));
			thread.setDaemon(true);
			thread.setUncaughtExceptionHandler(toLog);
			context.threadStarted(thread);
			return thread;
		});
		return context;
	}

	// JeroMQ names its threads "iothread-N" and "reaper-N".
	private static String threadName(int contextId, String jeromqName) {
		if (jeromqName.startsWith("reaper")) {
			return "zmq-reaper-" + contextId;
		}
		if (jeromqName.startsWith("iothread-")) {
			return "zmq-io-" + contextId + "-" + jeromqName.substring("iothread-".length());
		}
		return "zmq-" + contextId + "-" + jeromqName;
	}

}
