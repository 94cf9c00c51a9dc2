package org.zeromq.spring.listener;

import org.jspecify.annotations.Nullable;

/**
 * Wraps each handler call of a listener: the place where metrics, tracing or logging observe
 * what a listener does with a message. Called on the listener's thread; the call includes
 * reading the arguments from the message and the method itself, and its failure is the
 * message's failure (it then goes to the error handler).
 * <p>
 * {@link #NONE}, the default, adds nothing to a message's cost. A container asks its observation
 * once, when it is created, to {@link #wrap} the listener, and then calls the wrapped listener for
 * every message: an observation that needs no per-message call object (a timer) wraps without one.
 */
@FunctionalInterface
public interface ListenerObservation {

	/** Observes nothing. */
	ListenerObservation NONE = (listenerId, message, call) -> call.proceed();

	/**
	 * Runs one handler call; an implementation must call {@code call.proceed()} exactly once
	 * and return what it returns (or throw what it throws).
	 * @param listenerId the listener's id
	 * @param message the message being handled
	 * @param call the handler call
	 * @return the handler's return value ({@code null} for a {@code void} method)
	 * @throws Exception what the handler call threw
	 */
	@Nullable Object observe(String listenerId, InboundMessage message, HandlerCall call) throws Exception;

	/**
	 * The listener as this observation wraps it; called once per listener container, whose
	 * threads then call the result for every message. By default each message goes through
	 * {@link #observe} (one handler-call object per message); {@link #NONE} returns the listener
	 * itself, and an observation can return a wrapper of its own that does its per-listener
	 * lookups here instead of on every message.
	 * @param listenerId the listener's id
	 * @param socket the name of the declared socket the listener serves
	 * @param listener what handles each message: the listener method's invocation, or the application's code
	 * @return what the container calls for each message instead of {@code listener}
	 */
	default ZmqMessageListener wrap(String listenerId, String socket, ZmqMessageListener listener) {
		if (this == NONE) {
			return listener;
		}
		return (message) -> observe(listenerId, message, () -> listener.onMessage(message));
	}

	/** The handler call an observation wraps. */
	@FunctionalInterface
	interface HandlerCall {

		@Nullable Object proceed() throws Exception;

	}

}
