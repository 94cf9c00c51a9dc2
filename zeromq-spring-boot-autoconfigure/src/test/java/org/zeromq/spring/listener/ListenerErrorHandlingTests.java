package org.zeromq.spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.handler.annotation.Header;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.InvocationData;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;
import org.zeromq.spring.test.ZmqListenerTest;
import org.zeromq.spring.test.ZmqListenerTestHarness;
import org.zeromq.spring.test.ZmqReadiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;
import static org.zeromq.spring.test.ZmqAssertions.assertThatNextMessage;

/**
 * A failure stays with its message: REP and ROUTER listeners still answer, the error handler and
 * the dead-letter socket see it, and the next message is handled as if nothing happened.
 */
class ListenerErrorHandlingTests {

	private static final int REQUESTS = 10_000;

	// Requests a DEALER keeps in flight to the REP: enough to keep it busy, below the queues' 1000.
	private static final int IN_FLIGHT = 200;

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	private final ApplicationContextRunner malformedInput = this.runner.withUserConfiguration(MalformedInputServices.class)
		.withPropertyValues(socket("alerts", "type=SUB", "bind=" + ANY_TCP, "subscribe=alert"))
		.withPropertyValues(socket("lines", "type=PULL", "bind=" + ANY_TCP))
		.withPropertyValues(socket("orders", "type=PULL", "bind=" + ANY_TCP))
		.withPropertyValues(socket("routed", "type=ROUTER", "bind=" + ANY_TCP));

	@Test
	void repAnswersEveryRequestWhenTheHandlerThrowsOnOneInTen() {
		this.runner.withUserConfiguration(FlakyService.class)
			.withPropertyValues(socket("flaky", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = peers.connect(SocketType.DEALER, endpoint(context, "flaky"));
					List<String> replies = pipelinedRequests(client, REQUESTS);
					assertThat(replies).containsExactlyElementsOf(IntStream.range(0, REQUESTS)
						.mapToObj((i) -> (i % 10 == 0) ? "ERROR" : "ok request-" + i)
						.toList());
					ZmqListenerContainer container = context.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer("flaky");
					assertThat(container.failedCount()).isEqualTo(REQUESTS / 10);
					assertThat(container.processedCount()).isEqualTo(REQUESTS - REQUESTS / 10);
					assertThat(container.isRunning()).isTrue();
					assertThat(request(client, "", "request-10001")).containsExactly("", "ok request-10001");
				}
			});
	}

	@Test
	void errorReplyMessageTellsTheClientWhyAndTheDefaultDoesNot() {
		this.runner.withUserConfiguration(QuietService.class, FlakyService.class)
			.withPropertyValues(socket("quiet", "type=REP", "bind=" + ANY_TCP, "error-reply=MESSAGE"))
			.withPropertyValues(socket("flaky", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket detailed = peers.connect(SocketType.REQ, endpoint(context, "quiet"));
					assertThat(request(detailed, "bad")).containsExactly("ERROR: rejected bad");
					ZMQ.Socket generic = peers.connect(SocketType.REQ, endpoint(context, "flaky"));
					assertThat(request(generic, "request-10")).containsExactly("ERROR");
					assertThat(request(generic, "request-11")).containsExactly("ok request-11");
				}
			});
	}

	// A DEALER speaking REQ's envelope, with many requests in flight; a REP answers in order.
	private static List<String> pipelinedRequests(ZMQ.Socket dealer, int count) {
		List<String> replies = new ArrayList<>(count);
		int sent = 0;
		while (replies.size() < count) {
			while (sent < count && sent - replies.size() < IN_FLIGHT) {
				send(dealer, "", "request-" + sent++);
			}
			List<String> reply = receiveStrings(dealer);
			assertThat(reply).hasSize(2).first().isEqualTo("");
			replies.add(reply.get(1));
		}
		return replies;
	}

	@Test
	void errorReplyEmptyAnswersAFailureWithAnEmptyFrame() {
		this.runner.withUserConfiguration(QuietService.class, ListenerCalls.class)
			.withPropertyValues(socket("quiet", "type=REP", "bind=" + ANY_TCP, "error-reply=EMPTY"))
			.run((context) -> {
				ZmqListenerTestHarness harness = context.getBean(ZmqListenerTestHarness.class);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "quiet"));
					send(client, "bad");
					assertThatNextMessage(client).hasFrameCount(1).frame(0).isEmpty();
					// The empty frame is the error reply, not something the handler returned.
					InvocationData failed = harness.awaitInvocation("quiet");
					assertThat(failed.arguments()).containsExactly("bad");
					assertThat(failed.thrown()).isInstanceOf(IllegalStateException.class).hasMessage("rejected bad");
					assertThat(request(client, "good")).containsExactly("ok good");
					assertThat(harness.awaitInvocation("quiet").result()).isEqualTo("ok good");
				}
			});
	}

	@Test
	void errorHandlerBeanDecidesTheReply() {
		HandledMessages<String> failures = new HandledMessages<>();
		this.runner.withUserConfiguration(GuardedService.class)
			.withBean("politeErrors", ZmqListenerErrorHandler.class, () -> (message, failure) -> {
				failures.record(failure.listenerId() + "/" + failure.socket() + ": "
						+ new String(message.payload().get(0), StandardCharsets.UTF_8));
				return "sorry, " + failure.getCause().getMessage();
			})
			.withPropertyValues(socket("guarded", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "guarded"));
					assertThat(request(client, "bad")).containsExactly("sorry, rejected bad");
					assertThat(request(client, "good")).containsExactly("ok good");
				}
				assertThat(failures.values()).containsExactly("guarded/guarded: bad");
			});
	}

	@Test
	void deadLetterSocketReceivesTheOriginalFramesAndTheError() {
		this.runner.withUserConfiguration(DeadLetterServices.class)
			.withPropertyValues(socket("intake", "type=PULL", "bind=" + ANY_TCP, "dead-letter=dlq"))
			.withPropertyValues(socket("routed", "type=ROUTER", "bind=" + ANY_TCP, "dead-letter=dlq"))
			.withPropertyValues(socket("dlq", "type=PUSH", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket deadLetters = peers.connect(SocketType.PULL, endpoint(context, "dlq"));
					// Before the handshake a bound PUSH may deal messages to a connection JeroMQ then drops.
					ZmqReadiness.awaitPeers(context.getBean(ZmqTemplate.class), "dlq", 1);
					ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "intake"));
					send(push, "good", "1");
					send(push, "bad", "2");
					send(push, "good", "3");
					assertThat(receiveStrings(deadLetters)).containsExactly("bad", "2", "java.lang.IllegalStateException: rejected bad");
					assertThat(context.getBean(DeadLetterServices.class).intake.awaitCount(2)).containsExactly("good/1", "good/3");
					// A ROUTER's failed message goes out with its envelope, and the sender still gets its answer.
					ZMQ.Socket dealer = peers.connect(SocketType.DEALER, endpoint(context, "routed"), "frank");
					assertThat(request(dealer, "bad")).containsExactly("ERROR");
					assertThat(receiveStrings(deadLetters)).containsExactly("frank", "bad", "java.lang.IllegalStateException: rejected bad");
				}
			});
	}

	@Test
	void singleFrameOnAnEnvelopeSubFailsAloneAndTheNextMessageIsHandled() {
		this.malformedInput.run((context) -> {
			HandledMessages<String> alerts = context.getBean(MalformedInputServices.class).alerts;
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket publisher = peers.connect(SocketType.XPUB, endpoint(context, "alerts"));
				ZmqReadiness.awaitSubscribed(publisher, "alert");
				send(publisher, "alert without a topic frame");
				send(publisher, "alert.disk", "full");
				assertThat(alerts.awaitCount(1)).containsExactly("alert.disk|full");
			}
			assertThat(failedCount(context, "alerts")).isEqualTo(1);
		});
	}

	@Test
	void twoPayloadFramesForOnePayloadParameterFailAloneAndTheNextMessageIsHandled() {
		this.malformedInput.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "lines"));
				send(push, "two", "frames");
				send(push, "one frame");
				assertThat(context.getBean(MalformedInputServices.class).lines.awaitCount(1)).containsExactly("one frame");
			}
			assertThat(failedCount(context, "lines")).isEqualTo(1);
		});
	}

	@Test
	void badJsonFailsAloneAndTheNextMessageIsHandled() {
		this.malformedInput.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "orders"));
				send(push, "{\"item\": \"apple\", \"quant");
				send(push, "{\"item\": \"pear\", \"quantity\": 2}");
				assertThat(context.getBean(MalformedInputServices.class).orders.awaitCount(1)).containsExactly(new Order("pear", 2));
			}
			assertThat(failedCount(context, "orders")).isEqualTo(1);
		});
	}

	@Test
	void routerMessageWithoutContentFailsAloneAndTheNextRequestIsAnswered() {
		this.malformedInput.run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket dealer = peers.connect(SocketType.DEALER, endpoint(context, "routed"), "gina");
				// An envelope and nothing in it: there is nothing to answer, so no reply comes for it.
				send(dealer, "");
				assertThat(request(dealer, "", "fine")).containsExactly("", "gina: fine");
			}
			assertThat(failedCount(context, "routed")).isEqualTo(1);
		});
	}

	private static long failedCount(ApplicationContext context, String listenerId) {
		return context.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer(listenerId).failedCount();
	}

	record Order(String item, int quantity) {
	}

	static class FlakyService {

		@ZmqListener("flaky")
		String serve(String request) {
			if (Integer.parseInt(request.substring("request-".length())) % 10 == 0) {
				throw new IllegalStateException("rejected " + request);
			}
			return "ok " + request;
		}

	}

	@ZmqListenerTest
	static class ListenerCalls {

	}

	static class QuietService {

		@ZmqListener("quiet")
		String serve(String request) {
			return okUnlessBad(request);
		}

	}

	static class GuardedService {

		@ZmqListener(value = "guarded", errorHandler = "politeErrors")
		String serve(String request) {
			return okUnlessBad(request);
		}

	}

	static class DeadLetterServices {

		final HandledMessages<String> intake = new HandledMessages<>();

		@ZmqListener("intake")
		void take(List<byte[]> frames) {
			String first = new String(frames.get(0), StandardCharsets.UTF_8);
			okUnlessBad(first);
			this.intake.record(first + "/" + new String(frames.get(1), StandardCharsets.UTF_8));
		}

		@ZmqListener("routed")
		String route(String request) {
			return okUnlessBad(request);
		}

	}

	static class MalformedInputServices {

		final HandledMessages<String> alerts = new HandledMessages<>();

		final HandledMessages<String> lines = new HandledMessages<>();

		final HandledMessages<Order> orders = new HandledMessages<>();

		@ZmqListener("alerts")
		void alert(@Header(ZmqHeaders.TOPIC) String topic, String alert) {
			this.alerts.record(topic + "|" + alert);
		}

		@ZmqListener("lines")
		void line(String line) {
			this.lines.record(line);
		}

		@ZmqListener("orders")
		void order(Order order) {
			this.orders.record(order);
		}

		@ZmqListener("routed")
		String route(@Header(ZmqHeaders.IDENTITY) String identity, String request) {
			return identity + ": " + request;
		}

	}

	private static String okUnlessBad(String request) {
		if (request.equals("bad")) {
			throw new IllegalStateException("rejected " + request);
		}
		return "ok " + request;
	}

}
