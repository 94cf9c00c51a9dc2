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
 * A {@link ListenerObservation} that counts each call into counts of its own and registers a
 * function timer over them the first time a listener, outcome and exception are seen. Each
 * listener's timing is resolved once, when its container {@linkplain #wrap wraps} the listener:
 * the handler's thread then allocates nothing, looks nothing up and never calls the registry (a
 * failure looks its exception's timer up).
 * <p>
 * The count is exact; the clock is read around one call in {@link #TIMED_EVERY} (the first
 * included), and the total time is that sample's mean times the count. Two clock reads cost about
 * 60 ns on a virtual machine (kvm-clock), more than twice what the starter's own dispatch of a
 * message costs, so timing every call made the timer the largest part of a listener's per-message
 * work. An outcome none of whose calls was timed yet is estimated with the mean of the listener's
 * timed successful calls.
 * At most {@link #MAX_EXCEPTION_TYPES} exception names are kept per listener; the rest are
 * tagged {@code other}, so a handler failing in new ways cannot grow the registry without end.
 */
public final class ListenerTimings implements ListenerObservation {

	/** Exception names tagged per listener before the rest count as {@code other}. */
	public static final int MAX_EXCEPTION_TYPES = 16;

	/** One handler call in this many (a power of two) is timed; the total time extrapolates from them. */
	public static final int TIMED_EVERY = 16;

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

		// Picks the calls to time. The listener's threads share it without synchronisation, on
		// purpose: a lost or repeated increment only shifts which call is timed (the counts are
		// LongAdders), while an atomic add here cost about 10 ns per call (PULL dispatch: +25 ns
		// with the meters on instead of +15 ns).
		private int calls;

		TimedListener(ListenerTiming timing, ZmqMessageListener listener) {
			this.timing = timing;
			this.listener = listener;
		}

		@Override
		public @Nullable Object onMessage(InboundMessage message) throws Exception {
			boolean timed = (this.calls++ & (TIMED_EVERY - 1)) == 0;
			long started = timed ? System.nanoTime() : 0;
			try {
				Object result = this.listener.onMessage(message);
				this.timing.success.record(timed, started);
				return result;
			}
			catch (Exception ex) {
				this.timing.failure(ex).record(timed, started);
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
			this.success = register("success", "none", null);
		}

		Timing failure(Exception ex) {
			String name = ex.getClass().getSimpleName().isEmpty() ? ex.getClass().getName() : ex.getClass().getSimpleName();
			Timing timing = this.failures.get(name);
			if (timing != null) {
				return timing;
			}
			String tag = (this.failures.size() >= MAX_EXCEPTION_TYPES) ? "other" : name;
			return this.failures.computeIfAbsent(tag, (exception) -> register("error", exception, this.success));
		}

		private Timing register(String outcome, String exception, @Nullable Timing untimed) {
			Timing timing = new Timing(untimed);
			FunctionTimer.builder("zeromq.listener", timing, Timing::count, Timing::totalNanos, TimeUnit.NANOSECONDS)
				.tags(this.tags)
				.tag("outcome", outcome)
				.tag("exception", exception)
				.description("Handler calls of a @ZmqListener")
				.register(ListenerTimings.this.registry);
			return timing;
		}

	}

	/** One outcome's calls: all counted, the timed ones also summed. */
	private static final class Timing {

		private final LongAdder count = new LongAdder();

		private final LongAdder timedCount = new LongAdder();

		private final LongAdder timedNanos = new LongAdder();

		// Whose mean stands in while none of these calls was timed (a rare failure's), or null.
		private final @Nullable Timing untimed;

		Timing(@Nullable Timing untimed) {
			this.untimed = untimed;
		}

		void record(boolean timed, long started) {
			this.count.increment();
			if (timed) {
				this.timedNanos.add(System.nanoTime() - started);
				this.timedCount.increment();
			}
		}

		long count() {
			return this.count.sum();
		}

		double totalNanos() {
			return meanNanos() * this.count.sum();
		}

		private double meanNanos() {
			long timed = this.timedCount.sum();
			if (timed > 0) {
				return (double) this.timedNanos.sum() / timed;
			}
			return (this.untimed != null) ? this.untimed.meanNanos() : 0;
		}

	}

}
