package org.zeromq.spring.observation;

import org.jspecify.annotations.Nullable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ListenerObservation;
import org.zeromq.spring.listener.ZmqMessageListener;

/**
 * The {@code zeromq.listener} timer: how long each listener's handler calls took, tagged
 * {@code listener}, {@code socket}, {@code outcome} ({@code success} or {@code error}) and
 * {@code exception} (the simple class name of what a failed call threw, {@code none} on success).
 * <p>
 * A {@link ListenerObservation} that times each call into counts of its own and registers a
 * function timer over them the first time a listener, outcome and exception are seen. Each
 * listener's timing is resolved once, when its container {@linkplain #wrap wraps} the listener:
 * the handler's thread then pays two clock reads and two adds per message, and allocates nothing,
 * looks nothing up and never calls the registry (a failure looks its exception's timer up).
 * At most {@link #MAX_EXCEPTION_TYPES} exception names are kept per listener; the rest are
 * tagged {@code other}, so a handler failing in new ways cannot grow the registry without end.
 */
public final class ListenerTimings implements ListenerObservation {

	/** Exception names tagged per listener before the rest count as {@code other}. */
	public static final int MAX_EXCEPTION_TYPES = 16;

	private final MeterRegistry registry;

	private final Map<String, ListenerTiming> listeners = new ConcurrentHashMap<>();

	public ListenerTimings(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public ZmqMessageListener wrap(String listenerId, String socket, ZmqMessageListener listener) {
		return new TimedListener(this.listeners.computeIfAbsent(listenerId, (id) -> new ListenerTiming(id, socket)), listener);
	}

	/** A handler call not wrapped beforehand (e.g. by an observation of the application's that delegates here). */
	@Override
	public @Nullable Object observe(String listenerId, InboundMessage message, HandlerCall call) throws Exception {
		return wrap(listenerId, message.socket(), (same) -> call.proceed()).onMessage(message);
	}

	/** A listener with its timing resolved: what runs on the handler's thread for every message. */
	private static final class TimedListener implements ZmqMessageListener {

		private final ListenerTiming timing;

		private final ZmqMessageListener listener;

		TimedListener(ListenerTiming timing, ZmqMessageListener listener) {
			this.timing = timing;
			this.listener = listener;
		}

		@Override
		public @Nullable Object onMessage(InboundMessage message) throws Exception {
			long started = System.nanoTime();
			try {
				Object result = this.listener.onMessage(message);
				this.timing.success.record(System.nanoTime() - started);
				return result;
			}
			catch (Exception ex) {
				this.timing.failure(ex).record(System.nanoTime() - started);
				throw ex;
			}
		}

	}

	private final class ListenerTiming {

		private final Tags tags;

		private final Timing success;

		private final Map<String, Timing> failures = new ConcurrentHashMap<>();

		private ListenerTiming(String listener, String socket) {
			this.tags = Tags.of("listener", listener, "socket", socket);
			this.success = register("success", "none");
		}

		Timing failure(Exception ex) {
			String name = ex.getClass().getSimpleName().isEmpty() ? ex.getClass().getName() : ex.getClass().getSimpleName();
			Timing timing = this.failures.get(name);
			if (timing != null) {
				return timing;
			}
			String tag = (this.failures.size() >= MAX_EXCEPTION_TYPES) ? "other" : name;
			return this.failures.computeIfAbsent(tag, (exception) -> register("error", exception));
		}

		private Timing register(String outcome, String exception) {
			Timing timing = new Timing();
			FunctionTimer.builder("zeromq.listener", timing, Timing::count, Timing::totalNanos, TimeUnit.NANOSECONDS)
				.tags(this.tags)
				.tag("outcome", outcome)
				.tag("exception", exception)
				.description("Handler calls of a @ZmqListener")
				.register(ListenerTimings.this.registry);
			return timing;
		}

	}

	private static final class Timing {

		private final LongAdder count = new LongAdder();

		private final LongAdder nanos = new LongAdder();

		void record(long elapsed) {
			this.count.increment();
			this.nanos.add(elapsed);
		}

		long count() {
			return this.count.sum();
		}

		double totalNanos() {
			return this.nanos.sum();
		}

	}

}
