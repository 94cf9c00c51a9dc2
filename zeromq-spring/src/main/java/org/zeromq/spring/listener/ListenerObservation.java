package org.zeromq.spring.listener;

import org.jspecify.annotations.Nullable;

/**
 * Wraps each handler call of a listener: the place where metrics, tracing or logging observe
 * what a listener does with a message. Called on the listener's thread; the call includes
 * reading the arguments from the message and the method itself, and its failure is the
 * message's failure (it then goes to the error handler).
 * <p>
 * {@link #NONE}, the default, adds nothing to a message's cost.
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

	/** The handler call an observation wraps. */
	@FunctionalInterface
	interface HandlerCall {

		@Nullable Object proceed() throws Exception;

	}

}
