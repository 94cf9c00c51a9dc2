package org.zeromq.spring.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

/**
 * The ZeroMQ context {@link ZmqContextFactory} builds: a {@link ZContext} that knows when one of
 * JeroMQ's own threads has died, and that never takes longer to close than its
 * {@link ShutdownBudget} allows.
 * <p>
 * JeroMQ's poller catches only {@code RuntimeException}s, so an {@code Error} in its I/O or reaper
 * thread ends that thread. From then on no socket of the context moves a message over tcp or ipc,
 * and terminating the context waits forever for the dead thread to acknowledge. This context
 * reports the death once, at ERROR with its cause, exposes it through {@link #failure()} (for a
 * health check), and when closed after it abandons the context instead of waiting: its sockets
 * are left to the end of the process, so that the application can shut down and be restarted,
 * which is the only way back (see docs/reliability.md).
 * <p>
 * Termination can also wait for live threads: JeroMQ's reaper closes each socket only once its
 * queued messages left or its linger ran out (never, with a linger of -1 and a peer that does not
 * read), and an I/O thread that no longer answers holds it up forever. So the termination runs on
 * a thread of its own, {@code zmq-context-close-N}, and closing waits for it only as long as the
 * shutdown budget has left; past that the context is abandoned too, with an ERROR that shows
 * where JeroMQ's threads are stuck. Its threads are daemons, so they never keep the JVM alive.
 */
public final class SupervisedZContext extends ZContext {

	private static final Log logger = LogFactory.getLog(SupervisedZContext.class);

	private final AtomicReference<@Nullable String> failure = new AtomicReference<>();

	private final ShutdownBudget shutdownBudget;

	private final int id;

	private final List<Thread> jeromqThreads = new CopyOnWriteArrayList<>();

	SupervisedZContext(int ioThreads, ShutdownBudget shutdownBudget, int id) {
		super(ioThreads);
		this.shutdownBudget = shutdownBudget;
		this.id = id;
	}

	/** Why this context no longer works, or empty while every JeroMQ thread it started is alive. */
	public Optional<String> failure() {
		return Optional.ofNullable(this.failure.get());
	}

	/** What closing the application may spend on ZeroMQ, shared by every step of the close. */
	public ShutdownBudget shutdownBudget() {
		return this.shutdownBudget;
	}

	// Called by the thread factory for each I/O and reaper thread, to show them if they get stuck.
	void threadStarted(Thread thread) {
		this.jeromqThreads.add(thread);
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
		try (ShutdownBudget.Step step = this.shutdownBudget.begin()) {
			CountDownLatch terminated = new CountDownLatch(1);
			Thread closer = new Thread(() -> {
				try {
					super.destroy();
				}
				finally {
					terminated.countDown();
				}
			}, "zmq-context-close-" + this.id);
			closer.setDaemon(true);
			closer.start();
			if (!terminated.await(step.remainingMillis(), TimeUnit.MILLISECONDS)) {
				logger.error(abandoned(step));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.error("Interrupted while the ZeroMQ context terminated; it is left to finish on its own");
		}
	}

	private String abandoned(ShutdownBudget.Step step) {
		StringBuilder message = new StringBuilder("The ZeroMQ context did not terminate within what the shutdown budget of ")
			.append(step.budget().total().toMillis())
			.append(" ms had left; abandoning it, so that the application can close. JeroMQ's reaper is still closing "
					+ "sockets: most likely sockets with messages queued for peers that do not read them and a linger "
					+ "longer than the budget (-1 waits forever), or a JeroMQ thread that no longer answers. Their "
					+ "messages are lost; the context's threads are daemons and end with the process. Where they are:");
		for (Thread thread : this.jeromqThreads) {
			if (thread.isAlive()) {
				ThreadStacks.append(message, thread);
			}
		}
		return message.toString();
	}

}
