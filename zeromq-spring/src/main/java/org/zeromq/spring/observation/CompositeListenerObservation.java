package org.zeromq.spring.observation;

import org.jspecify.annotations.Nullable;
import java.util.List;

import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ListenerObservation;
import org.zeromq.spring.listener.ZmqMessageListener;

/**
 * Several {@link ListenerObservation}s around one handler call, the first outermost: timings,
 * tracing and an application's own observation together.
 */
public final class CompositeListenerObservation implements ListenerObservation {

	private final List<ListenerObservation> observations;

	private CompositeListenerObservation(List<ListenerObservation> observations) {
		this.observations = List.copyOf(observations);
	}

	/**
	 * The observations as one; {@link ListenerObservation#NONE} when there are none, the one
	 * itself when there is one, so that the common cases cost nothing extra.
	 */
	public static ListenerObservation of(List<ListenerObservation> observations) {
		List<ListenerObservation> active = observations.stream().filter((o) -> o != ListenerObservation.NONE).toList();
		if (active.isEmpty()) {
			return ListenerObservation.NONE;
		}
		return (active.size() == 1) ? active.get(0) : new CompositeListenerObservation(active);
	}

	/** Each observation wraps the next one's wrapper, the last the listener: the first is outermost. */
	@Override
	public ZmqMessageListener wrap(String listenerId, String socket, ZmqMessageListener listener) {
		ZmqMessageListener wrapped = listener;
		for (int i = this.observations.size() - 1; i >= 0; i--) {
			wrapped = this.observations.get(i).wrap(listenerId, socket, wrapped);
		}
		return wrapped;
	}

	@Override
	public @Nullable Object observe(String listenerId, InboundMessage message, HandlerCall call) throws Exception {
		return observe(0, listenerId, message, call);
	}

	private @Nullable Object observe(int index, String listenerId, InboundMessage message, HandlerCall call) throws Exception {
		if (index == this.observations.size()) {
			return call.proceed();
		}
		return this.observations.get(index).observe(listenerId, message, () -> observe(index + 1, listenerId, message, call));
	}

}
