package org.zeromq.spring.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ListenerConfigurationException;
import org.zeromq.spring.listener.ListenerEndpoint;
import org.zeromq.spring.listener.ZmqMessageListener;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PlainZmqApplication.ANY_TCP;

/**
 * A {@link ZmqMessageListener} in place of an annotated method: the container factory runs it on
 * the same containers, with the same threads, replies, error replies, pause and stop, so that code
 * such as Spring Integration's adapters reuses the listener machinery instead of a loop of its own.
 */
class MessageListenerContainerTests {

	private static final Duration WAIT = PeerSockets.TIMEOUT;

	private final ZContext context = new ZContext(1);

	private ZmqSocketRegistry registry;

	private final PeerSockets peers = new PeerSockets();

	@AfterEach
	void close() {
		this.peers.close();
		if (this.registry != null) {
			this.registry.close();
		}
		this.context.close();
	}

	@Test
	void repContainerAnswersEachRequestWithWhatTheListenerReturns() {
		DefaultZmqListenerContainer container = container(SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP), null,
				(message) -> "World for " + text(message));
		container.start();
		try {
			ZMQ.Socket client = this.peers.connect(SocketType.REQ, this.registry.endpoint("hello"));
			assertThat(request(client, "one")).containsExactly("World for one");
			assertThat(request(client, "two")).containsExactly("World for two");
			assertThat(container.processedCount()).isEqualTo(2);
		}
		finally {
			container.stop();
		}
	}

	@Test
	void aListenerThatThrowsGetsTheErrorReplyAndTheNextRequestIsServed() {
		DefaultZmqListenerContainer container = container(SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP), null,
				(message) -> {
					if (text(message).equals("bad")) {
						throw new IllegalArgumentException("no thanks");
					}
					return "ok " + text(message);
				});
		container.start();
		try {
			ZMQ.Socket client = this.peers.connect(SocketType.REQ, this.registry.endpoint("hello"));
			assertThat(request(client, "bad")).containsExactly("ERROR");
			assertThat(request(client, "good")).containsExactly("ok good");
			assertThat(container.failedCount()).isEqualTo(1);
		}
		finally {
			container.stop();
		}
	}

	@Test
	void subscriberListenerSeesTheTopicFrameOfEachEnvelope() {
		HandledMessages<String> handled = new HandledMessages<>();
		DefaultZmqListenerContainer container = container(
				SocketSpec.bind("updates", ZmqSocketType.SUB, ANY_TCP).withSubscriptions(List.of("weather")), null,
				(message) -> {
					handled.record(new String(message.topic(), StandardCharsets.UTF_8) + ": " + text(message));
					return null;
				});
		container.start();
		try {
			ZMQ.Socket publisher = this.peers.connect(SocketType.PUB, this.registry.endpoint("updates"));
			// A PUB drops what it sends before the subscription reached it: send until one arrives.
			await().pollInSameThread().atMost(WAIT).until(() -> {
				send(publisher, "weather", "sunny");
				return handled.count() > 0;
			});
			assertThat(handled.values()).first().isEqualTo("weather: sunny");
			assertThat(handled.threadNames()).containsExactly("zmq-listener-updates-in-1");
		}
		finally {
			container.stop();
		}
	}

	@Test
	void bindingRepWithConcurrencyServesRequestsOnSeveralWorkerThreadsThroughTheDevice() {
		HandledMessages<String> handled = new HandledMessages<>();
		DefaultZmqListenerContainer container = container(SocketSpec.bind("work", ZmqSocketType.REP, ANY_TCP), 3,
				(message) -> {
					handled.record(text(message));
					return "done " + text(message);
				});
		container.start();
		try {
			for (int i = 0; i < 6; i++) {
				ZMQ.Socket client = this.peers.connect(SocketType.REQ, this.registry.endpoint("work"));
				assertThat(request(client, "job-" + i)).containsExactly("done job-" + i);
			}
			assertThat(container.concurrency()).isEqualTo(3);
			assertThat(handled.threadNames()).allMatch((name) -> name.startsWith("zmq-listener-work-in-"));
		}
		finally {
			container.stop();
		}
	}

	@Test
	void pausedContainerReadsNothingUntilResumed() {
		HandledMessages<String> handled = new HandledMessages<>();
		DefaultZmqListenerContainer container = container(SocketSpec.bind("tasks", ZmqSocketType.PULL, ANY_TCP), null,
				(message) -> {
					handled.record(text(message));
					return null;
				});
		container.start();
		try {
			ZMQ.Socket push = this.peers.connect(SocketType.PUSH, this.registry.endpoint("tasks"));
			send(push, "first");
			handled.awaitCount(1);
			container.pause();
			send(push, "second");
			handled.assertStaysAt(1, Duration.ofMillis(300));
			container.resume();
			assertThat(handled.awaitCount(2)).containsExactly("first", "second");
		}
		finally {
			container.stop();
		}
	}

	@Test
	void stoppedContainerLeavesNoThreadBehind() {
		LiveThreads census = LiveThreads.now();
		DefaultZmqListenerContainer container = container(SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP), 2,
				(message) -> "World");
		container.start();
		assertThat(LiveThreads.now().zmqThreadNames()).contains("zmq-listener-hello-in-1", "zmq-listener-hello-in-2");
		container.stop();
		assertThat(container.isRunning()).isFalse();
		census.awaitZmqThreadsEnded();
	}

	@Test
	void aListenerOnAnUndeclaredSocketIsRefusedNamingTheListener() {
		this.registry = registry(SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP));
		DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(this.registry,
				PayloadConverter.withDefaults());
		ZmqMessageListener listener = new NamedListener();
		assertThatExceptionOfType(ListenerConfigurationException.class)
			.isThrownBy(() -> factory.createListenerContainer(ListenerEndpoint.forListener("in", "helo", null, null, listener),
					listener))
			.withMessageContaining("the test's listener (id 'in')")
			.withMessageContaining("'helo'")
			.withMessageContaining("[hello]");
	}

	@Test
	void aListenerOnASocketThatOnlySendsIsRefused() {
		this.registry = registry(SocketSpec.bind("out", ZmqSocketType.PUSH, ANY_TCP));
		DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(this.registry,
				PayloadConverter.withDefaults());
		ZmqMessageListener listener = new NamedListener();
		assertThatExceptionOfType(ListenerConfigurationException.class)
			.isThrownBy(() -> factory.createListenerContainer(ListenerEndpoint.forListener("in", "out", null, null, listener),
					listener))
			.withMessageContaining("PUSH socket, which only sends");
	}

	private DefaultZmqListenerContainer container(SocketSpec spec, Integer concurrency, ZmqMessageListener listener) {
		this.registry = registry(spec);
		DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(this.registry,
				PayloadConverter.withDefaults());
		factory.getContainerProperties().setShutdownTimeout(WAIT);
		DefaultZmqListenerContainer container = factory
			.createListenerContainer(ListenerEndpoint.forListener(spec.name() + "-in", spec.name(), concurrency, null, listener), listener);
		this.registry.open();
		return container;
	}

	private ZmqSocketRegistry registry(SocketSpec spec) {
		return new ZmqSocketRegistry(new ZmqSocketFactory(this.context, new SocketConfigurer(Duration.ofSeconds(1))),
				List.of(spec));
	}

	private static String text(InboundMessage message) {
		return new String(message.payload().get(0), StandardCharsets.UTF_8);
	}

	private static final class NamedListener implements ZmqMessageListener {

		@Override
		public Object onMessage(InboundMessage message) {
			return null;
		}

		@Override
		public String toString() {
			return "the test's listener";
		}

	}

}
