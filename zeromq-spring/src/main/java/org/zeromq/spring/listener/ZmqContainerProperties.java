package org.zeromq.spring.listener;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * What the listener containers of one container factory share: where their threads come from,
 * what happens to a failed message, how long a stop waits, how handler calls are observed, and
 * the defaults for listeners that do not set {@code concurrency} or {@code autoStartup}.
 */
public final class ZmqContainerProperties {

	/** Handlers still running at stop get this long to finish unless set otherwise. */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	private @Nullable Executor taskExecutor;

	private ZmqListenerErrorHandler errorHandler = new LoggingErrorHandler();

	private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

	private ListenerObservation observation = ListenerObservation.NONE;

	private int concurrency = 1;

	private boolean autoStartup = true;

	/**
	 * Where listener threads come from, or {@code null} (the default) for platform threads of
	 * the container's own, named {@code zmq-listener-<id>-<n>} (and {@code zmq-listener-<id>-device}).
	 * Each listener thread keeps its task until the listener stops, so the executor must give
	 * every task a thread of its own at once: a pool smaller than the listeners' threads leaves
	 * some of them queued, never serving their socket.
	 */
	public @Nullable Executor getTaskExecutor() {
		return this.taskExecutor;
	}

	public void setTaskExecutor(@Nullable Executor taskExecutor) {
		this.taskExecutor = taskExecutor;
	}

	/** What happens to a message whose handling failed; logs at WARN by default. */
	public ZmqListenerErrorHandler getErrorHandler() {
		return this.errorHandler;
	}

	public void setErrorHandler(ZmqListenerErrorHandler errorHandler) {
		this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
	}

	/**
	 * How long handlers still running when a listener stops may take to finish (after it
	 * stopped taking messages) before the stop goes on without them; they are never
	 * interrupted, since an interrupt can leave the ZeroMQ context unable to close.
	 */
	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
	}

	/** Wraps every handler call; {@link ListenerObservation#NONE} by default. */
	public ListenerObservation getObservation() {
		return this.observation;
	}

	public void setObservation(ListenerObservation observation) {
		this.observation = Objects.requireNonNull(observation, "observation");
	}

	/** Threads per listener when the listener does not say; 1 by default. */
	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
		}
		this.concurrency = concurrency;
	}

	/** Whether listeners start with the application when they do not say; {@code true} by default. */
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

}
