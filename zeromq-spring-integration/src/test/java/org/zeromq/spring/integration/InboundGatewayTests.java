package org.zeromq.spring.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessagingException;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.integration.dsl.Zmq;
import org.zeromq.spring.integration.test.IntegrationApplication;
import org.zeromq.spring.listener.ErrorReply;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.integration.test.IntegrationApplication.ANY_TCP;
import static org.zeromq.spring.integration.test.IntegrationApplication.WAIT;
import static org.zeromq.spring.integration.test.IntegrationApplication.endpoint;
import static org.zeromq.spring.integration.test.IntegrationApplication.startupFailure;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;

/**
 * The inbound gateway on REP and ROUTER sockets: every request is answered with the flow's reply,
 * or, when the flow fails or stays silent, with the socket's error reply, so that a REQ client
 * never wedges; ROUTER replies find their way back, and concurrency runs through the device.
 */
class InboundGatewayTests {

	private static final SocketSpec HELLO = SocketSpec.bind("hello", ZmqSocketType.REP, ANY_TCP);

	@Test
	void repGatewayAnswersEachRequestWithTheFlowsReply() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(HELLO), UpperCase.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			assertThat(request(client, "hello")).containsExactly("HELLO");
			assertThat(request(client, "world")).containsExactly("WORLD");
		}
	}

	@Test
	void routerGatewayRoutesEachReplyBackToTheClientThatAsked() {
		SocketSpec router = SocketSpec.bind("hello", ZmqSocketType.ROUTER, ANY_TCP);
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(router), WhoAsked.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket alice = peers.connect(SocketType.REQ, endpoint(context, "hello"), "alice");
			ZMQ.Socket bob = peers.connect(SocketType.REQ, endpoint(context, "hello"), "bob");
			send(alice, "one");
			send(bob, "two");
			assertThat(PeerFrames.receiveStrings(bob)).containsExactly("bob asked two");
			assertThat(PeerFrames.receiveStrings(alice)).containsExactly("alice asked one");
		}
	}

	@Test
	void whenTheFlowThrowsTheClientGetsTheErrorReplyAndTheNextRequestIsAnswered() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(HELLO), UpperCase.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			assertThat(request(client, "boom")).containsExactly("ERROR");
			assertThat(request(client, "again")).containsExactly("AGAIN");
		}
	}

	@Test
	void withErrorReplyMessageTheClientLearnsTheApplicationsReasonNotTheFlowsWrapper() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(HELLO), UpperCase.class,
				DetailedErrorReplies.class); PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			assertThat(request(client, "boom")).singleElement().asString().isEqualTo("ERROR: no boom here");
			assertThat(request(client, "again")).containsExactly("AGAIN");
		}
	}

	@Test
	void anErrorChannelFlowCanAnswerInsteadOfTheErrorReply() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(HELLO), Apologising.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			assertThat(request(client, "boom")).containsExactly("sorry: no boom here");
			assertThat(request(client, "fine")).containsExactly("FINE");
		}
	}

	@Test
	void aFlowThatGivesNoReplyInTimeGetsTheErrorReply() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(HELLO), Silent.class,
				DetailedErrorReplies.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			assertThat(request(client, "drop me")).singleElement().asString()
				.isEqualTo("ERROR: No reply from the flow within the gateway's reply timeout");
			assertThat(request(client, "keep me")).containsExactly("keep me");
		}
	}

	@Test
	void multipartRequestsAndRepliesKeepEveryFrame() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(HELLO), Reversing.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			assertThat(request(client, "a", "b", "c")).containsExactly("c", "b", "a");
		}
	}

	@Test
	void jsonRequestsAndRepliesAreReadAndWrittenAsObjects() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(HELLO), Pricing.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			assertThat(request(client, "{\"item\":\"apple\",\"quantity\":3}"))
				.containsExactly("{\"item\":\"apple\",\"total\":4.5}");
		}
	}

	@Test
	void concurrencyOnABindingRepServesRequestsInParallelThroughTheDevice() throws Exception {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(HELLO), Concurrent.class);
				PeerSockets peers = new PeerSockets()) {
			Concurrent flow = context.getBean(Concurrent.class);
			List<Thread> clients = new ArrayList<>();
			List<String> replies = new java.util.concurrent.CopyOnWriteArrayList<>();
			for (int i = 0; i < 3; i++) {
				ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
				String name = "client-" + i;
				Thread thread = new Thread(() -> replies.addAll(request(client, name)), name);
				thread.start();
				clients.add(thread);
			}
			// Each request waits in the flow for the other two: only three threads at once answer all.
			assertThat(flow.together.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			for (Thread client : clients) {
				client.join(WAIT.toMillis());
			}
			assertThat(replies).containsExactlyInAnyOrder("done client-0", "done client-1", "done client-2");
			assertThat(flow.handled.threadNames()).hasSize(3).allMatch((name) -> name.startsWith("zmq-listener-hello-"));
		}
	}

	@Test
	void pausedGatewayAnswersNothingUntilResumed() {
		try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(HELLO), UpperCase.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
			ZmqInboundGateway gateway = context.getBean(ZmqInboundGateway.class);
			gateway.pause();
			send(client, "later");
			client.setReceiveTimeOut(300);
			assertThat(PeerFrames.receiveWithinTimeout(client)).isNull();
			gateway.resume();
			client.setReceiveTimeOut((int) WAIT.toMillis());
			assertThat(PeerFrames.receiveStrings(client)).containsExactly("LATER");
		}
	}

	@Test
	void aSocketThatCannotAnswerIsRefused() {
		assertThat(startupFailure(EndpointConfigurationException.class,
				List.of(SocketSpec.bind("hello", ZmqSocketType.PULL, ANY_TCP)), UpperCase.class))
			.hasMessageContaining("zeromq:inbound-gateway")
			.hasMessageContaining("a PULL socket cannot")
			.hasMessageContaining("declare a REP or ROUTER socket");
	}

	record Order(String item, int quantity) {
	}

	record Price(String item, double total) {
	}

	@Configuration(proxyBeanMethods = false)
	static class UpperCase {

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello").payloadType(String.class))
				.<String, String>transform((request) -> {
					if (request.equals("boom")) {
						throw new IllegalStateException("no boom here");
					}
					return request.toUpperCase(Locale.ROOT);
				})
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WhoAsked {

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello").payloadType(String.class))
				.handle(String.class, (request, headers) -> new String((byte[]) headers.get(ZmqHeaders.IDENTITY),
						java.nio.charset.StandardCharsets.UTF_8) + " asked " + request)
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Apologising {

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello").payloadType(String.class).errorChannel("apologies"))
				.<String, String>transform((request) -> {
					if (request.equals("boom")) {
						throw new IllegalStateException("no boom here");
					}
					return request.toUpperCase(Locale.ROOT);
				})
				.get();
		}

		@Bean
		IntegrationFlow apologiesFlow() {
			return IntegrationFlow.from("apologies")
				.<MessagingException, String>transform((failure) -> "sorry: " + failure.getCause().getMessage())
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Silent {

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello").payloadType(String.class).replyTimeout(Duration.ofMillis(200)))
				.<String>filter((request) -> !request.equals("drop me"))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Reversing {

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello").payloadType(List.class))
				.<List<byte[]>, List<byte[]>>transform((frames) -> {
					List<byte[]> reversed = new ArrayList<>(frames);
					java.util.Collections.reverse(reversed);
					return reversed;
				})
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Pricing {

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello").payloadType(Order.class))
				.<Order, Price>transform((order) -> new Price(order.item(), order.quantity() * 1.5))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Concurrent {

		final CountDownLatch together = new CountDownLatch(3);

		final HandledMessages<String> handled = new HandledMessages<>();

		@Bean
		IntegrationFlow helloFlow() {
			return IntegrationFlow.from(Zmq.inboundGateway("hello").payloadType(String.class).concurrency(3))
				.handle(String.class, (request, headers) -> {
					this.together.countDown();
					try {
						this.together.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					this.handled.record(request);
					return "done " + request;
				})
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DetailedErrorReplies {

		// The reason goes back to the client only when the socket says so, as error-reply: message.
		@Bean
		ErrorReply errorReply() {
			return ErrorReply.MESSAGE;
		}

	}

}
