package org.zeromq.spring.integration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.MessageTimeoutException;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.SocketSpec;
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

/**
 * The outbound gateway on REQ and DEALER: each message is a request whose reply becomes the
 * output; on a DEALER, async, a thousand requests can be in flight on one socket, each reply
 * matched to its request; a request without a reply fails with a timeout, to the caller or the
 * error channel.
 */
class OutboundGatewayTests {

	@Test
	void reqGatewayProducesTheReplyOfEachRequest() throws Exception {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket rep = peers.bind(SocketType.REP);
			Thread server = serve(rep, 2, (frames) -> List.of(PeerFrames.utf8("re: " + text(frames.get(0)))));
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("client", ZmqSocketType.REQ, rep.getLastEndpoint())), Requesting.class)) {
				MessageChannel requests = context.getBean("requests", MessageChannel.class);
				requests.send(MessageBuilder.withPayload("one").setHeader("n", 1).build());
				requests.send(MessageBuilder.withPayload("two").setHeader("n", 2).build());
				Message<?> first = receive(context, "replies");
				assertThat(first.getPayload()).isEqualTo("re: one");
				assertThat(first.getHeaders()).as("the request's headers").containsEntry("n", 1);
				assertThat(receive(context, "replies").getPayload()).isEqualTo("re: two");
			}
			server.join(WAIT.toMillis());
		}
	}

	@Test
	void dealerGatewayWaitsForItsReplyWhenNotAsync() throws Exception {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket rep = peers.bind(SocketType.REP);
			Thread server = serve(rep, 1, (frames) -> List.of(PeerFrames.utf8("re: " + text(frames.get(0)))));
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("client", ZmqSocketType.DEALER, rep.getLastEndpoint())), Requesting.class)) {
				context.getBean("requests", MessageChannel.class).send(MessageBuilder.withPayload("one").build());
				assertThat(receive(context, "replies").getPayload()).isEqualTo("re: one");
			}
			server.join(WAIT.toMillis());
		}
	}

	@Test
	void asyncDealerGatewayKeepsAThousandRequestsInFlightAndMatchesEachReplyToItsRequest() throws Exception {
		int requests = 1000;
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket router = peers.bind(SocketType.ROUTER);
			router.setRcvHWM(10 * requests);
			router.setSndHWM(10 * requests);
			// The server answers nothing until it holds every request: all of them are in flight at once.
			Thread server = new Thread(() -> answerAllAtOnce(router, requests), "test-router-peer");
			server.start();
			SocketSpec dealer = SocketSpec.connect("client", ZmqSocketType.DEALER, router.getLastEndpoint());
			try (AnnotationConfigApplicationContext context = IntegrationApplication.run(List.of(dealer), RequestingAsync.class)) {
				MessageChannel requestChannel = context.getBean("requests", MessageChannel.class);
				for (int i = 0; i < requests; i++) {
					requestChannel.send(MessageBuilder.withPayload("request " + i).setHeader("n", i).build());
				}
				Map<Integer, Object> replies = new HashMap<>();
				for (int i = 0; i < requests; i++) {
					Message<?> reply = receive(context, "replies");
					replies.put(reply.getHeaders().get("n", Integer.class), reply.getPayload());
				}
				assertThat(replies).hasSize(requests);
				replies.forEach((n, reply) -> assertThat(reply).isEqualTo("reply to request " + n));
				// A request counts until its reply has been sent on (DispatchedReply): the last one
				// may still count for a moment after the test thread took its reply from the channel.
				ZmqOutboundEndpoint gateway = context.getBean(ZmqOutboundEndpoint.class);
				await().atMost(WAIT).untilAsserted(() -> assertThat(gateway.getRequestsInFlight()).isZero());
			}
			server.join(WAIT.toMillis());
			assertThat(server.isAlive()).isFalse();
		}
	}

	@Test
	void multipartRequestsAndRepliesKeepEveryFrame() throws Exception {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket rep = peers.bind(SocketType.REP);
			Thread server = serve(rep, 1, (frames) -> {
				List<byte[]> reversed = new ArrayList<>(frames);
				Collections.reverse(reversed);
				return reversed;
			});
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("client", ZmqSocketType.REQ, rep.getLastEndpoint())), RequestingFrames.class)) {
				context.getBean("requests", MessageChannel.class).send(MessageBuilder.withPayload(List.of("a", "b", "c")).build());
				@SuppressWarnings("unchecked")
				List<byte[]> reply = (List<byte[]>) receive(context, "replies").getPayload();
				assertThat(PeerFrames.text(reply)).containsExactly("c", "b", "a");
			}
			server.join(WAIT.toMillis());
		}
	}

	@Test
	void noReplyWithinTheTimeoutFailsTheCallerWithAMessageTimeout() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket silent = peers.bind(SocketType.REP);
			try (AnnotationConfigApplicationContext context = IntegrationApplication.run(
					List.of(SocketSpec.connect("client", ZmqSocketType.REQ, silent.getLastEndpoint())), RequestingImpatiently.class)) {
				MessageChannel requests = context.getBean("requests", MessageChannel.class);
				assertThatExceptionOfType(MessageTimeoutException.class)
					.isThrownBy(() -> requests.send(MessageBuilder.withPayload("anyone?").build()))
					.withMessageContaining("got no reply on socket 'client' within 300 ms");
			}
		}
	}

	@Test
	void anAsyncRequestWithoutAReplyFailsToTheErrorChannelAtItsDeadline() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket silent = peers.bind(SocketType.ROUTER);
			try (AnnotationConfigApplicationContext context = IntegrationApplication
				.run(List.of(SocketSpec.connect("client", ZmqSocketType.DEALER, silent.getLastEndpoint())),
						RequestingAsyncImpatiently.class)) {
				context.getBean("requests", MessageChannel.class)
					.send(MessageBuilder.withPayload("anyone?").setErrorChannelName("failures").build());
				MessagingException failure = (MessagingException) receive(context, "failures").getPayload();
				assertThat(failure).isInstanceOf(MessageTimeoutException.class).hasMessageContaining("got no reply");
				assertThat(failure.getFailedMessage().getPayload()).isEqualTo("anyone?");
			}
		}
	}

	@Test
	void asyncNeedsADealerSocket() {
		assertThat(startupFailure(EndpointConfigurationException.class,
				List.of(SocketSpec.connect("client", ZmqSocketType.REQ, "tcp://127.0.0.1:5999")), RequestingAsync.class))
			.hasMessageContaining("zeromq:outbound-gateway")
			.hasMessageContaining("async requests need a DEALER socket");
	}

	@Test
	void aGatewayOnASocketThatCannotRequestIsRefused() {
		assertThat(startupFailure(EndpointConfigurationException.class,
				List.of(SocketSpec.connect("client", ZmqSocketType.PUSH, "tcp://127.0.0.1:5999")), Requesting.class))
			.hasMessageContaining("a PUSH socket cannot")
			.hasMessageContaining("declare a REQ or DEALER socket");
	}

	private static String text(byte[] frame) {
		return new String(frame, StandardCharsets.UTF_8);
	}

	// A REP peer on a thread of its own that answers count requests.
	private static Thread serve(ZMQ.Socket rep, int count, UnaryOperator<List<byte[]>> answer) {
		Thread thread = new Thread(() -> {
			for (int i = 0; i < count; i++) {
				List<byte[]> request = PeerFrames.receiveWithinTimeout(rep);
				if (request == null) {
					return;
				}
				PeerFrames.send(rep, answer.apply(request));
			}
		}, "test-rep-peer");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	// Reads every request ([identity][correlation][""][payload]), then answers them all, newest first.
	private static void answerAllAtOnce(ZMQ.Socket router, int count) {
		List<List<byte[]>> held = new ArrayList<>();
		while (held.size() < count) {
			List<byte[]> request = PeerFrames.receiveWithinTimeout(router);
			if (request == null) {
				return;
			}
			held.add(request);
		}
		Collections.reverse(held);
		for (List<byte[]> request : held) {
			List<byte[]> reply = new ArrayList<>(request.subList(0, request.size() - 1));
			reply.add(PeerFrames.utf8("reply to " + text(request.get(request.size() - 1))));
			PeerFrames.send(router, reply);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Requesting {

		@Bean
		QueueChannel replies() {
			return new QueueChannel();
		}

		// As long as a tcp connection may take to come up (JeroMQ's stalled connects included):
		// a reply that comes is never counted as missing.
		@Bean
		IntegrationFlow requestsFlow() {
			return IntegrationFlow.from("requests")
				.handle(Zmq.outboundGateway("client").replyPayloadType(String.class).replyTimeout(WAIT))
				.channel("replies")
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RequestingImpatiently {

		@Bean
		IntegrationFlow requestsFlow() {
			return IntegrationFlow.from("requests")
				.handle(Zmq.outboundGateway("client").replyPayloadType(String.class).replyTimeout(Duration.ofMillis(300)))
				.channel("nullChannel")
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RequestingAsync {

		@Bean
		QueueChannel replies() {
			return new QueueChannel();
		}

		@Bean
		QueueChannel failures() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow requestsFlow() {
			return IntegrationFlow.from("requests")
				.handle(Zmq.outboundGateway("client").async(true).replyPayloadType(String.class).replyTimeout(WAIT))
				.channel("replies")
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RequestingAsyncImpatiently {

		@Bean
		QueueChannel failures() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow requestsFlow() {
			return IntegrationFlow.from("requests")
				.handle(Zmq.outboundGateway("client").async(true).replyTimeout(Duration.ofMillis(300)))
				.channel("nullChannel")
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RequestingFrames {

		@Bean
		QueueChannel replies() {
			return new QueueChannel();
		}

		@Bean
		IntegrationFlow requestsFlow() {
			return IntegrationFlow.from("requests")
				.handle(Zmq.outboundGateway("client").replyPayloadType(List.class))
				.channel("replies")
				.get();
		}

	}

}
