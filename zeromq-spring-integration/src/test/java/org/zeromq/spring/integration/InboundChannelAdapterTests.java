package org.zeromq.spring.integration;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.util.IdGenerator;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.integration.dsl.Zmq;
import org.zeromq.spring.integration.test.IntegrationApplication;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.integration.test.IntegrationApplication.ANY_TCP;
import static org.zeromq.spring.integration.test.IntegrationApplication.WAIT;
import static org.zeromq.spring.integration.test.IntegrationApplication.endpoint;
import static org.zeromq.spring.integration.test.IntegrationApplication.receive;
import static org.zeromq.spring.integration.test.IntegrationApplication.startupFailure;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PeerFrames.utf8;

/**
 * The inbound channel adapter on every socket type that receives: each message reaches the
 * channel with its envelope as headers, multipart and JSON payloads as asked, failures go to the
 * error channel (or the log) without stopping it, and it runs on the listener containers.
 */
class InboundChannelAdapterTests {

	private static final SocketSpec TASKS = SocketSpec.bind("tasks", ZmqSocketType.PULL, ANY_TCP);

	@Test
	void pullAdapterSendsEachMessageToTheChannelWithTheSocketHeader() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), BytesFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			send(push, "one");
			send(push, "two");
			Message<?> first = receive(context, "received");
			assertThat(first.getPayload()).isEqualTo(utf8("one"));
			assertThat(first.getHeaders()).containsEntry(ZmqHeaders.SOCKET, "tasks")
				.doesNotContainKeys(ZmqHeaders.TOPIC, ZmqHeaders.IDENTITY);
			assertThat(receive(context, "received").getPayload()).isEqualTo(utf8("two"));
		}
	}

	@Test
	void eachMessageCarriesAnIdOfItsOwnAndTheTimeItArrived() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), BytesFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			long before = System.currentTimeMillis();
			send(push, "one");
			send(push, "two");
			MessageHeaders first = receive(context, "received").getHeaders();
			MessageHeaders second = receive(context, "received").getHeaders();
			long after = System.currentTimeMillis();
			assertThat(first.getId()).isNotNull().isNotEqualTo(second.getId());
			assertThat(first.getTimestamp()).isBetween(before, after);
			assertThat(second.getTimestamp()).isBetween(before, after);
		}
	}

	@Test
	void theApplicationsIdGeneratorMakesTheIdsOfTheMessages() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), BytesFlow.class,
				NumberedIds.class); PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			send(push, "one");
			send(push, "two");
			UUID first = receive(context, "received").getHeaders().getId();
			UUID second = receive(context, "received").getHeaders().getId();
			assertThat(first.getMostSignificantBits()).isEqualTo(NumberedIds.MARK);
			assertThat(second.getLeastSignificantBits()).isGreaterThan(first.getLeastSignificantBits());
		}
	}

	@Test
	void subscriberAdapterPutsTheEnvelopeTopicInAHeader() {
		SocketSpec updates = SocketSpec.bind("updates", ZmqSocketType.SUB, ANY_TCP).withSubscriptions(List.of("weather"));
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(updates), UpdatesFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket publisher = peers.connect(SocketType.PUB, endpoint(context, "updates"));
			Message<?> update = publishUntilReceived(context, publisher, "weather", "sunny");
			assertThat(update.getPayload()).isEqualTo("sunny");
			assertThat(update.getHeaders()).containsEntry(ZmqHeaders.TOPIC, "weather").containsEntry(ZmqHeaders.SOCKET,
					"updates");
		}
	}

	@Test
	void xsubAdapterReceivesTheTopicEnvelopesItSubscribedTo() {
		SocketSpec updates = SocketSpec.bind("updates", ZmqSocketType.XSUB, ANY_TCP).withSubscriptions(List.of("weather"));
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(updates), UpdatesFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket publisher = peers.connect(SocketType.PUB, endpoint(context, "updates"));
			Message<?> update = publishUntilReceived(context, publisher, "weather", "rain");
			assertThat(update.getPayload()).isEqualTo("rain");
			assertThat(update.getHeaders()).containsEntry(ZmqHeaders.TOPIC, "weather");
		}
	}

	@Test
	void pairAdapterReceivesFromItsOnePeer() {
		SocketSpec signal = SocketSpec.bind("tasks", ZmqSocketType.PAIR, ANY_TCP);
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(signal), BytesFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket pair = peers.connect(SocketType.PAIR, endpoint(context, "tasks"));
			send(pair, "ready");
			assertThat(receive(context, "received").getPayload()).isEqualTo(utf8("ready"));
		}
	}

	@Test
	void dealerAdapterReceivesWhatItsPeerSends() {
		SocketSpec dealer = SocketSpec.bind("tasks", ZmqSocketType.DEALER, ANY_TCP);
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(dealer), BytesFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket peer = peers.connect(SocketType.DEALER, endpoint(context, "tasks"));
			send(peer, "work");
			Message<?> received = receive(context, "received");
			assertThat(received.getPayload()).isEqualTo(utf8("work"));
			assertThat(received.getHeaders()).doesNotContainKey(ZmqHeaders.IDENTITY);
		}
	}

	@Test
	void routerAdapterNamesTheSenderInTheIdentityHeaderAndAcknowledgesWithAnEmptyFrame() {
		SocketSpec router = SocketSpec.bind("tasks", ZmqSocketType.ROUTER, ANY_TCP);
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(router), BytesFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket peer = peers.connect(SocketType.DEALER, endpoint(context, "tasks"), "peer-1");
			send(peer, "hello");
			Message<?> received = receive(context, "received");
			assertThat(received.getPayload()).isEqualTo(utf8("hello"));
			assertThat((byte[]) received.getHeaders().get(ZmqHeaders.IDENTITY)).isEqualTo(utf8("peer-1"));
			// A ROUTER always answers, as a void ROUTER listener does, so that a REQ peer never wedges.
			assertThat(PeerFrames.receive(peer)).singleElement().satisfies((frame) -> assertThat(frame).isEmpty());
		}
	}

	@Test
	void multipartMessageArrivesWholeAsAListOfFrames() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), MultipartFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			send(push, "a", "b", "c");
			@SuppressWarnings("unchecked")
			List<byte[]> frames = (List<byte[]>) receive(context, "received").getPayload();
			assertThat(PeerFrames.text(frames)).containsExactly("a", "b", "c");
		}
	}

	@Test
	void jsonPayloadIsReadAsTheChosenType() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), JsonFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			send(push, "{\"item\":\"pear\",\"quantity\":2}");
			assertThat(receive(context, "received").getPayload()).isEqualTo(new Order("pear", 2));
		}
	}

	@Test
	void aFailureDownstreamGoesToTheErrorChannelAndTheAdapterTakesTheNextMessage() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), FailingFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			send(push, "bad");
			send(push, "good");
			Message<?> error = receive(context, "failures");
			assertThat(error.getPayload()).isInstanceOf(MessagingException.class);
			MessagingException failure = (MessagingException) error.getPayload();
			assertThat(failure).rootCause().hasMessage("rejected bad");
			assertThat(failure.getFailedMessage().getPayload()).isEqualTo("bad");
			assertThat(receive(context, "received").getPayload()).isEqualTo("good");
		}
	}

	@Test
	void aPayloadThatCannotBeReadGoesToTheErrorChannelWithItsRawFrames() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), FailingFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			send(push, "two", "frames");
			send(push, "fine");
			MessagingException failure = (MessagingException) receive(context, "failures").getPayload();
			assertThat(failure).isInstanceOf(MessageConversionException.class)
				.hasMessageContaining("2 payload frames")
				.hasMessageContaining("payload type List");
			@SuppressWarnings("unchecked")
			List<byte[]> raw = (List<byte[]>) failure.getFailedMessage().getPayload();
			assertThat(PeerFrames.text(raw)).containsExactly("two", "frames");
			assertThat(receive(context, "received").getPayload()).isEqualTo("fine");
		}
	}

	@Test
	void withoutAnErrorChannelAFailureIsLoggedAndTheAdapterGoesOn() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), UnguardedFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			send(push, "bad");
			send(push, "good");
			assertThat(receive(context, "received").getPayload()).isEqualTo("good");
			ZmqInboundChannelAdapter adapter = context.getBean(ZmqInboundChannelAdapter.class);
			assertThat(adapter.isRunning()).isTrue();
		}
	}

	@Test
	void concurrencyServesABindingPullSocketOnSeveralThreadsAtOnce() throws Exception {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), ConcurrentFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			ConcurrentFlow flow = context.getBean(ConcurrentFlow.class);
			for (int i = 0; i < 3; i++) {
				send(push, "job-" + i);
			}
			// Each handler waits for the other two: only three threads at once get past it.
			assertThat(flow.together.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(flow.handled.awaitCount(3)).containsExactlyInAnyOrder("job-0", "job-1", "job-2");
			assertThat(flow.handled.threadNames()).hasSize(3).allMatch((name) -> name.startsWith("zmq-listener-tasks-"));
		}
	}

	@Test
	void pausedAdapterTakesNothingUntilResumed() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(TASKS), BytesFlow.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
			ZmqInboundChannelAdapter adapter = context.getBean(ZmqInboundChannelAdapter.class);
			QueueChannel received = context.getBean("received", QueueChannel.class);
			send(push, "first");
			assertThat(receive(context, "received").getPayload()).isEqualTo(utf8("first"));
			adapter.pause();
			assertThat(adapter.isPaused()).isTrue();
			send(push, "second");
			await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> received.getQueueSize() == 0);
			adapter.resume();
			assertThat(receive(context, "received").getPayload()).isEqualTo(utf8("second"));
		}
	}

	@Test
	void aRepSocketIsRefusedWithTheGatewayAsTheFix() {
		SocketSpec rep = SocketSpec.bind("tasks", ZmqSocketType.REP, ANY_TCP);
		assertThat(startupFailure(EndpointConfigurationException.class, List.of(rep), BytesFlow.class))
			.hasMessageContaining("on socket 'tasks': a REP socket must answer every request")
			.hasMessageContaining("Zmq.inboundGateway");
	}

	@Test
	void anUndeclaredSocketIsRefusedNamingTheDeclaredOnes() {
		SocketSpec other = SocketSpec.bind("jobs", ZmqSocketType.PULL, ANY_TCP);
		assertThat(startupFailure(EndpointConfigurationException.class, List.of(other), BytesFlow.class))
			.hasMessageContaining("zeromq:inbound-channel-adapter")
			.hasMessageContaining("'tasks'")
			.hasMessageContaining("[jobs]");
	}

	private static Message<?> publishUntilReceived(AnnotationConfigApplicationContext context, ZMQ.Socket publisher,
			String topic, String payload) {
		QueueChannel received = context.getBean("received", QueueChannel.class);
		// A PUB drops what it sends before the subscription reached it: send until one arrives.
		return await().pollInSameThread().atMost(WAIT).until(() -> {
			send(publisher, topic, payload);
			return received.receive(50);
		}, (message) -> message != null);
	}

	record Order(String item, int quantity) {
	}

	@Configuration(proxyBeanMethods = false)
	static class BytesFlow {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks")).channel("received").get();
		}

	}

	/** An id generator of the application's, which Spring Integration installs for every message. */
	@Configuration(proxyBeanMethods = false)
	static class NumberedIds {

		static final long MARK = 0x5A4D51L;

		@Bean
		IdGenerator numberedIds() {
			AtomicLong numbers = new AtomicLong();
			return () -> new UUID(MARK, numbers.incrementAndGet());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UpdatesFlow {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow updatesFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("updates").payloadType(String.class))
				.channel("received")
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MultipartFlow {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").payloadType(List.class)).channel("received").get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JsonFlow {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").payloadType(Order.class)).channel("received").get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingFlow {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

		@Bean
		QueueChannel failures() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").payloadType(String.class).errorChannel("failures"))
				.<String, String>transform((payload) -> {
					if (payload.equals("bad")) {
						throw new IllegalArgumentException("rejected bad");
					}
					return payload;
				})
				.channel("received")
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnguardedFlow {

		@Bean
		QueueChannel received() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").payloadType(String.class))
				.<String, String>transform((payload) -> {
					if (payload.equals("bad")) {
						throw new IllegalArgumentException("rejected bad");
					}
					return payload;
				})
				.channel("received")
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConcurrentFlow {

		final CountDownLatch together = new CountDownLatch(3);

		final HandledMessages<String> handled = new HandledMessages<>();

		@Bean
		IntegrationFlow tasksFlow() {
			return IntegrationFlow.from(Zmq.inboundChannelAdapter("tasks").payloadType(String.class).concurrency(3))
				.handle(String.class, (payload, headers) -> {
					this.together.countDown();
					try {
						this.together.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					this.handled.record(payload);
					return null;
				})
				.get();
		}

	}

}
