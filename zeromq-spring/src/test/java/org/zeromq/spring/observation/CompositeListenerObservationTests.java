package org.zeromq.spring.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ListenerObservation;
import org.zeromq.spring.listener.ZmqMessageListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observations wrap a listener once, when its container is created: none leave the listener
 * itself, several nest with the first outermost, whether they wrap by themselves or through
 * {@link ListenerObservation#observe}.
 */
class CompositeListenerObservationTests {

	private static final InboundMessage MESSAGE = InboundMessage.of(ZmqSocketType.PULL, "in", List.of("m".getBytes()));

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final ZmqMessageListener listener = (message) -> {
		this.calls.add("listener " + message.socket());
		return "reply";
	};

	@Test
	void withoutObservationsTheListenerIsCalledAsItIs() {
		assertThat(ListenerObservation.NONE.wrap("id", "in", this.listener)).isSameAs(this.listener);
		assertThat(CompositeListenerObservation.of(List.of(ListenerObservation.NONE)).wrap("id", "in", this.listener))
			.isSameAs(this.listener);
	}

	@Test
	void theFirstObservationIsOutermostAndTheListenerRunsOnceInside() throws Exception {
		ListenerObservation composite = CompositeListenerObservation.of(List.of(new Wrapping("timer"),
				(listenerId, message, call) -> {
					this.calls.add("tracing " + listenerId + " before");
					Object result = call.proceed();
					this.calls.add("tracing after");
					return result;
				}));
		ZmqMessageListener wrapped = composite.wrap("orders", "in", this.listener);
		assertThat(this.calls).containsExactly("timer wraps orders on in");
		assertThat(wrapped.onMessage(MESSAGE)).isEqualTo("reply");
		assertThat(this.calls).containsExactly("timer wraps orders on in", "timer before", "tracing orders before",
				"listener in", "tracing after", "timer after");
	}

	/** An observation that does its per-listener work when it wraps, as the listener timer does. */
	private final class Wrapping implements ListenerObservation {

		private final String name;

		Wrapping(String name) {
			this.name = name;
		}

		@Override
		public ZmqMessageListener wrap(String listenerId, String socket, ZmqMessageListener inner) {
			CompositeListenerObservationTests.this.calls.add(this.name + " wraps " + listenerId + " on " + socket);
			return (message) -> {
				CompositeListenerObservationTests.this.calls.add(this.name + " before");
				Object result = inner.onMessage(message);
				CompositeListenerObservationTests.this.calls.add(this.name + " after");
				return result;
			};
		}

		@Override
		public Object observe(String listenerId, InboundMessage message, HandlerCall call) {
			throw new AssertionError("called through its wrapper only");
		}

	}

}
