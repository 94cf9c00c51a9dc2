package org.zeromq.spring.observation;

import org.jspecify.annotations.Nullable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ListenerObservation;

/**
 * Listeners observed with Micrometer's Observation API: each handler call is a
 * {@code zeromq.listener} observation, "{@code <socket> process}", in which the handler runs
 * (so its logs and outgoing calls belong to it). A tracing handler continues the sender's trace
 * from the message's trace-context frame, on a socket that opted in.
 */
public final class ObservedListeners implements ListenerObservation {

	private final ObservationRegistry registry;

	private final ZmqSocketRegistry sockets;

	private final @Nullable ZmqListenerObservationConvention convention;

	private final Map<String, ZmqSocketType> types = new ConcurrentHashMap<>();

	/**
	 * @param convention replaces the default names and tags, or {@code null} for the default
	 */
	public ObservedListeners(ObservationRegistry registry, ZmqSocketRegistry sockets,
			@Nullable ZmqListenerObservationConvention convention) {
		this.registry = registry;
		this.sockets = sockets;
		this.convention = convention;
	}

	@Override
	public @Nullable Object observe(String listenerId, InboundMessage message, HandlerCall call) throws Exception {
		ZmqSocketType type = this.types.computeIfAbsent(message.socket(), (name) -> this.sockets.spec(name).type());
		Observation observation = ZmqListenerObservation.LISTENER_OBSERVATION.observation(this.convention,
				DefaultZmqListenerObservationConvention.INSTANCE, () -> new ZmqReceiverContext(message, listenerId, type),
				this.registry);
		return observation.<@Nullable Object, Exception>observeChecked(call::proceed);
	}

}
