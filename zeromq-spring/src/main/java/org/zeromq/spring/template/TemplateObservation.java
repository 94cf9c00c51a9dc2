package org.zeromq.spring.template;

import java.util.LinkedHashMap;
import java.util.Map;

import org.zeromq.spring.core.ZmqSocketType;

/**
 * Wraps each send and request of a {@link ZmqTemplate}: the place where tracing, metrics or
 * logging observe what the application sends. Called on the sending thread. What the
 * observation puts into {@link Operation#traceContext()} travels with the message as a
 * trace-context frame when the socket opts in ({@code trace-context}), and is dropped otherwise.
 * <p>
 * {@link #NONE}, the default, adds nothing to a send's cost.
 */
public interface TemplateObservation {

	/** Observes nothing. */
	TemplateObservation NONE = new TemplateObservation() {

		@Override
		public <T> T observe(Operation operation, Call<T> call) {
			return call.proceed();
		}

	};

	/**
	 * Runs one send or request; an implementation must call {@code call.proceed()} exactly once
	 * and return what it returns (or throw what it throws).
	 */
	<T> T observe(Operation operation, Call<T> call);

	/** The send or request an observation wraps. */
	@FunctionalInterface
	interface Call<T> {

		T proceed();

	}

	/** What is being sent, and the trace context to send with it. */
	final class Operation {

		private final String socket;

		private final ZmqSocketType socketType;

		private final String name;

		private final Map<String, String> traceContext = new LinkedHashMap<>();

		Operation(String socket, ZmqSocketType socketType, String name) {
			this.socket = socket;
			this.socketType = socketType;
			this.name = name;
		}

		/** The declared socket. */
		public String socket() {
			return this.socket;
		}

		/** Its type. */
		public ZmqSocketType socketType() {
			return this.socketType;
		}

		/** {@code send}, or {@code request} for a request that waits for its reply. */
		public String name() {
			return this.name;
		}

		/**
		 * Entries to send in the message's trace-context frame (a propagator's {@code traceparent},
		 * for example); printable ASCII only.
		 */
		public Map<String, String> traceContext() {
			return this.traceContext;
		}

	}

}
