package org.zeromq.spring.core;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.zeromq.ZContext;

/**
 * Builds the one ZeroMQ context of the process. Its I/O and reaper threads get names that say
 * what they are ({@code zmq-io-1-2}, {@code zmq-reaper-1}) and report uncaught errors to the log
 * instead of standard error.
 */
public final class ZmqContextFactory {

	private static final Log logger = LogFactory.getLog(ZmqContextFactory.class);

	private static final AtomicInteger contexts = new AtomicInteger();

	private ZmqContextFactory() {
	}

	public static ZContext create(ContextSettings settings) {
		ZContext context = new ZContext(settings.ioThreads());
		context.setLinger((int) settings.linger().toMillis());
		if (settings.maxSockets() != null) {
			context.getContext().setMaxSockets(settings.maxSockets());
		}
		context.getContext().setIPv6(settings.ipv6());
		Thread.UncaughtExceptionHandler toLog = (thread, error) -> logger
			.error("Uncaught error in ZeroMQ thread " + thread.getName(), error);
		context.setUncaughtExceptionHandler(toLog);
		context.setNotificationExceptionHandler((thread, error) -> logger
			.debug("ZeroMQ thread " + thread.getName() + " reported: " + error, error));
		int id = contexts.incrementAndGet();
		context.getContext().setThreadFactor((runnable, jeromqName) -> {
			Thread thread = new Thread(runnable, threadName(id, jeromqName));
			thread.setDaemon(true);
			thread.setUncaughtExceptionHandler(toLog);
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
