package org.zeromq.spring.integration;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.channel.ExecutorChannel;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.MessagingException;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.core.SocketOptions;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSendException;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.integration.dsl.Zmq;
import org.zeromq.spring.integration.test.IntegrationApplication;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.integration.test.IntegrationApplication.WAIT;
import static org.zeromq.spring.integration.test.IntegrationApplication.receive;
import static org.zeromq.spring.integration.test.IntegrationApplication.startupFailure;
import static org.zeromq.spring.test.PeerFrames.receiveNow;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;

/**
 * The outbound channel adapter on every socket type that sends: payloads become the frames any
 * ZeroMQ peer reads, topics and ROUTER identities come from headers or expressions, and a message
 * the socket refuses fails loudly, to the caller or the error channel.
 */
class OutboundChannelAdapterTests {

	@Test
	void pushAdapterSendsEachPayloadAsOneFrame() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket pull = peers.bind(SocketType.PULL);
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("out", ZmqSocketType.PUSH, pull.getLastEndpoint())), ToSocket.class)) {
				MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
				toZmq.send(MessageBuilder.withPayload(PeerFrames.utf8("bytes")).build());
				toZmq.send(MessageBuilder.withPayload("text").build());
				toZmq.send(MessageBuilder.withPayload(new Order("apple", 3)).build());
				assertThat(receiveStrings(pull)).containsExactly("bytes");
				assertThat(receiveStrings(pull)).containsExactly("text");
				assertThat(receiveStrings(pull)).containsExactly("{\"item\":\"apple\",\"quantity\":3}");
			}
		}
	}

	@Test
	void listPayloadGoesOutAsOneMultipartMessage() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket pull = peers.bind(SocketType.PULL);
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("out", ZmqSocketType.PUSH, pull.getLastEndpoint())), ToSocket.class)) {
				context.getBean("toZmq", MessageChannel.class)
					.send(MessageBuilder.withPayload(List.of(PeerFrames.utf8("a"), "b", PeerFrames.utf8("c"))).build());
				assertThat(receiveStrings(pull)).containsExactly("a", "b", "c");
			}
		}
	}

	@Test
	void pubAdapterSendsTheTopicHeaderAsTheEnvelopeSubscribersFilterOn() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket sub = peers.bind(SocketType.SUB);
			sub.subscribe(PeerFrames.utf8("weather"));
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("out", ZmqSocketType.PUB, sub.getLastEndpoint())), ToSocket.class)) {
				Message<String> update = MessageBuilder.withPayload("sunny").setHeader(ZmqHeaders.TOPIC, "weather").build();
				Message<String> other = MessageBuilder.withPayload("noise").setHeader(ZmqHeaders.TOPIC, "sports").build();
				MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
				assertThat(publishUntilReceived(toZmq, sub, other, update)).containsExactly("weather", "sunny");
			}
		}
	}

	@Test
	void pubAdapterWithoutATopicSendsOneFrameForPrefixFilteringAsTheGuidesWeatherServer() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket sub = peers.bind(SocketType.SUB);
			sub.subscribe(PeerFrames.utf8("10001 "));
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("out", ZmqSocketType.PUB, sub.getLastEndpoint())), ToSocket.class)) {
				MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
				assertThat(publishUntilReceived(toZmq, sub, MessageBuilder.withPayload("10002 30 50").build(),
						MessageBuilder.withPayload("10001 21 40").build()))
					.containsExactly("10001 21 40");
			}
		}
	}

	@Test
	void topicExpressionTakesTheTopicFromTheMessage() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket sub = peers.bind(SocketType.SUB);
			sub.subscribe(PeerFrames.utf8("10001"));
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("out", ZmqSocketType.PUB, sub.getLastEndpoint())), ToSocketByZip.class)) {
				MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
				assertThat(publishUntilReceived(toZmq, sub, MessageBuilder.withPayload("x").setHeader("zip", "10002").build(),
						MessageBuilder.withPayload("21").setHeader("zip", "10001").build()))
					.containsExactly("10001", "21");
			}
		}
	}

	@Test
	void topicFunctionTakesTheTopicFromThePayload() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket sub = peers.bind(SocketType.SUB);
			sub.subscribe(PeerFrames.utf8("apple"));
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("out", ZmqSocketType.PUB, sub.getLastEndpoint())), ToSocketByItem.class)) {
				MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
				assertThat(publishUntilReceived(toZmq, sub, MessageBuilder.withPayload(new Order("pear", 1)).build(),
						MessageBuilder.withPayload(new Order("apple", 2)).build()))
					.containsExactly("apple", "{\"item\":\"apple\",\"quantity\":2}");
			}
		}
	}

	@Test
	void xpubAdapterSendsTopicEnvelopesToItsSubscribers() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket sub = peers.bind(SocketType.SUB);
			sub.subscribe(PeerFrames.utf8("weather"));
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("out", ZmqSocketType.XPUB, sub.getLastEndpoint())), ToSocket.class)) {
				MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
				assertThat(publishUntilReceived(toZmq, sub, MessageBuilder.withPayload("-").setHeader(ZmqHeaders.TOPIC, "x").build(),
						MessageBuilder.withPayload("rain").setHeader(ZmqHeaders.TOPIC, "weather").build()))
					.containsExactly("weather", "rain");
			}
		}
	}

	@Test
	void pairAdapterSendsToItsOnePeer() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket pair = peers.bind(SocketType.PAIR);
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("out", ZmqSocketType.PAIR, pair.getLastEndpoint())), ToSocket.class)) {
				context.getBean("toZmq", MessageChannel.class).send(MessageBuilder.withPayload("ready").build());
				assertThat(receiveStrings(pair)).containsExactly("ready");
			}
		}
	}

	@Test
	void dealerAdapterSendsWithoutAnEnvelope() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket router = peers.bind(SocketType.ROUTER);
			SocketSpec dealer = SocketSpec.connect("out", ZmqSocketType.DEALER, router.getLastEndpoint())
				.withOptions(SocketOptions.builder().set(SocketOption.IDENTITY, "worker-1").build());
			try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(dealer), ToSocket.class)) {
				context.getBean("toZmq", MessageChannel.class).send(MessageBuilder.withPayload("job").build());
				assertThat(receiveStrings(router)).containsExactly("worker-1", "job");
			}
		}
	}

	@Test
	void routerAdapterSendsToThePeerTheIdentityHeaderNames() {
		SocketSpec router = SocketSpec.bind("out", ZmqSocketType.ROUTER, IntegrationApplication.ANY_TCP)
			.withOptions(SocketOptions.builder().set(SocketOption.ROUTER_MANDATORY, true).build());
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(router), ToSocket.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket first = peers.connect(SocketType.DEALER, IntegrationApplication.endpoint(context, "out"), "peer-1");
			ZMQ.Socket second = peers.connect(SocketType.DEALER, IntegrationApplication.endpoint(context, "out"), "peer-2");
			MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
			// router-mandatory refuses a peer not connected yet: send until the ROUTER knows it.
			sendUntilAccepted(toZmq, MessageBuilder.withPayload("for two").setHeader(ZmqHeaders.IDENTITY, "peer-2").build());
			sendUntilAccepted(toZmq,
					MessageBuilder.withPayload("for one").setHeader(ZmqHeaders.IDENTITY, PeerFrames.utf8("peer-1")).build());
			assertThat(receiveStrings(second)).containsExactly("", "for two");
			assertThat(receiveStrings(first)).containsExactly("", "for one");
		}
	}

	@Test
	void aRouterMessageWithoutIdentityFailsSayingWhichHeaderToSet() {
		SocketSpec router = SocketSpec.bind("out", ZmqSocketType.ROUTER, IntegrationApplication.ANY_TCP);
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(router), ToSocket.class)) {
			MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
			assertThatExceptionOfType(MessageHandlingException.class)
				.isThrownBy(() -> toZmq.send(MessageBuilder.withPayload("lost").build()))
				.withMessageContaining("set the zmq_identity header");
		}
	}

	@Test
	void aMessageTheSocketRefusesFailsTheCallersSend() {
		SocketSpec full = SocketSpec.bind("out", ZmqSocketType.PUSH, IntegrationApplication.ANY_TCP)
			.withHwmPolicy(HwmPolicy.FAIL);
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(full), ToSocket.class)) {
			MessageChannel toZmq = context.getBean("toZmq", MessageChannel.class);
			// No peer is connected: a PUSH has nowhere to queue the message.
			assertThatExceptionOfType(MessageHandlingException.class)
				.isThrownBy(() -> toZmq.send(MessageBuilder.withPayload("nowhere").build()))
				.havingCause()
				.isInstanceOf(ZmqSendException.class)
				.withMessageContaining("did not accept the message");
		}
	}

	@Test
	void aMessageTheSocketRefusesGoesToTheErrorChannelOfAnAsynchronousFlow() {
		SocketSpec full = SocketSpec.bind("out", ZmqSocketType.PUSH, IntegrationApplication.ANY_TCP)
			.withHwmPolicy(HwmPolicy.FAIL);
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(full), ToSocketAsync.class)) {
			context.getBean("toZmq", MessageChannel.class)
				.send(MessageBuilder.withPayload("nowhere").setErrorChannelName("failures").build());
			MessagingException failure = (MessagingException) receive(context, "failures").getPayload();
			assertThat(failure).isInstanceOf(MessageHandlingException.class).hasCauseInstanceOf(ZmqSendException.class);
			assertThat(failure.getFailedMessage().getPayload()).isEqualTo("nowhere");
		}
	}

	@Test
	void aReqSocketIsRefusedWithTheGatewayAsTheFix() {
		assertThat(startupFailure(EndpointConfigurationException.class,
				List.of(SocketSpec.connect("out", ZmqSocketType.REQ, "tcp://127.0.0.1:5999")), ToSocket.class))
			.hasMessageContaining("zeromq:outbound-channel-adapter")
			.hasMessageContaining("on socket 'out': a REQ socket must read the reply of each request")
			.hasMessageContaining("Zmq.outboundGateway");
	}

	@Test
	void aSocketThatOnlyReceivesIsRefused() {
		assertThat(startupFailure(EndpointConfigurationException.class,
				List.of(SocketSpec.bind("out", ZmqSocketType.PULL, IntegrationApplication.ANY_TCP)), ToSocket.class))
			.hasMessageContaining("a PULL socket only receives");
	}

	@Test
	void anUndeclaredSocketIsRefusedNamingTheDeclaredOnes() {
		assertThat(startupFailure(EndpointConfigurationException.class,
				List.of(SocketSpec.bind("results", ZmqSocketType.PUSH, IntegrationApplication.ANY_TCP)), ToSocket.class))
			.hasMessageContaining("'out'")
			.hasMessageContaining("[results]");
	}

	// A PUB drops what it sends before the subscription reached it: publish until the subscriber
	// has something, always the unwanted message first, so that the filter is proven too.
	private static List<String> publishUntilReceived(MessageChannel toZmq, ZMQ.Socket sub, Message<?> unwanted,
			Message<?> wanted) {
		return await().pollInSameThread().atMost(WAIT).until(() -> {
			toZmq.send(unwanted);
			toZmq.send(wanted);
			List<byte[]> frames = receiveNow(sub);
			return (frames != null) ? PeerFrames.text(frames) : null;
		}, (frames) -> frames != null);
	}

	private static void sendUntilAccepted(MessageChannel toZmq, Message<?> message) {
		await().pollInSameThread().atMost(WAIT).ignoreException(MessageHandlingException.class).until(() -> toZmq.send(message));
	}

	record Order(String item, int quantity) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ToSocket {

		@Bean
		IntegrationFlow toZmqFlow() {
			return IntegrationFlow.from("toZmq").handle(Zmq.outboundChannelAdapter("out")).get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ToSocketByZip {

		@Bean
		IntegrationFlow toZmqFlow() {
			return IntegrationFlow.from("toZmq").handle(Zmq.outboundChannelAdapter("out").topicExpression("headers['zip']")).get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ToSocketByItem {

		@Bean
		IntegrationFlow toZmqFlow() {
			return IntegrationFlow.from("toZmq")
				.handle(Zmq.outboundChannelAdapter("out").topicFunction((message) -> ((Order) message.getPayload()).item()))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ToSocketAsync {

		@Bean
		QueueChannel failures() {
			return new QueueChannel();
		}

		@Bean
		ExecutorChannel toZmq() {
			return new ExecutorChannel(new SimpleAsyncTaskExecutor("test-async-"));
		}

		@Bean
		IntegrationFlow toZmqFlow() {
			return IntegrationFlow.from("toZmq").handle(Zmq.outboundChannelAdapter("out")).get();
		}

	}

}
