package org.zeromq.spring.listener;

import java.util.Optional;

import org.springframework.context.SmartLifecycle;

/**
 * Runs one {@code @ZmqListener}: the threads that own its socket (or sockets), started and
 * stopped as a {@link SmartLifecycle}. {@link #stop(Runnable)} returns at once and calls back
 * when the handlers still running have finished, so that Spring's shutdown phases bound it;
 * {@link #stop()} waits for the same, bounded by the container's shutdown timeout.
 */
public interface ZmqListenerContainer extends SmartLifecycle {

	/** The listener's id, unique in its {@code ZmqListenerEndpointRegistry}. */
	String id();

	/** What the container was created from. */
	ListenerEndpoint endpoint();

	/** Stops reading: once this returns, no message is handled until {@link #resume()}. */
	void pause();

	/** Reads again after {@link #pause()}. */
	void resume();

	boolean isPaused();

	/** Messages handled without failure. */
	long processedCount();

	/** Messages whose handling failed (each went to the error handler). */
	long failedCount();

	/**
	 * Why the listener no longer serves its socket although nobody stopped it (a listener thread
	 * ended on an error); empty while it runs as it should, and when it was stopped.
	 */
	default Optional<String> failure() {
		return Optional.empty();
	}

}
