package org.zeromq.spring.core;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

/**
 * The ZeroMQ context {@link ZmqContextFactory} builds: a {@link ZContext} that knows when one of
 * JeroMQ's own threads has died.
 * <p>
 * JeroMQ's poller catches only {@code RuntimeException}s, so an {@code Error} in its I/O or reaper
 * thread ends that thread. From then on no socket of the context moves a message over tcp or ipc,
 * and terminating the context waits forever for the dead thread to acknowledge. This context
 * reports the death once, at ERROR with its cause, exposes it through {@link #failure()} (for a
 * health check), and when closed after it abandons the context instead of waiting: its sockets
 * are left to the end of the process, so that the application can shut down and be restarted,
 * which is the only way back (see docs/reliability.md).
 */
public final class SupervisedZContext extends ZContext {

	private static final Log logger = LogFactory.getLog(SupervisedZContext.class);

	private final AtomicReference<@Nullable String> failure = new AtomicReference<>();

	SupervisedZContext(int ioThreads) {
		super(ioThreads);
	}

	/** Why this context no longer works, or empty while every JeroMQ thread it started is alive. */
	public Optional<String> failure() {
		return Optional.ofNullable(this.failure.get());
	}

	// Called on the dying thread by its uncaught-exception handler.
	void threadDied(Thread thread, Throwable error) {
		String reason = "ZeroMQ thread " + thread.getName() + " died of " + error;
		if (this.failure.compareAndSet(null, reason)) {
			logger.error(reason + ". No socket of this context sends or receives over tcp or ipc any more; "
					+ "restart the application. At shutdown the context will be abandoned, not terminated, "
					+ "because terminating it would wait for this thread forever.", error);
		}
		else {
			logger.error("ZeroMQ thread " + thread.getName() + " died of " + error + " as well", error);
		}
	}

	@Override
	public void destroy() {
		String reason = this.failure.get();
		if (reason != null) {
			logger.error("Abandoning the ZeroMQ context instead of terminating it, because " + reason
					+ ". Its sockets and reaper thread stay until the process ends.");
			return;
		}
		super.destroy();
	}

}
