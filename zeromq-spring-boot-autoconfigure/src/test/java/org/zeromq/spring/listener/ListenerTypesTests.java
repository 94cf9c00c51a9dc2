package org.zeromq.spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.handler.annotation.Header;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;
import org.zeromq.spring.test.ZmqReadiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.PeerFrames.receive;
import static org.zeromq.spring.test.PeerFrames.receiveStrings;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;
import static org.zeromq.spring.test.ZmqAssertions.assertThatNextMessage;

/**
 * Every socket type a listener can take, against raw peers doing what the guide's clients,
 * publishers and brokers do.
 */
class ListenerTypesTests {

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@Test
	void repRepliesWithTheReturnValueAndWithAnEmptyFrameForVoid() {
		this.runner.withUserConfiguration(RepHandlers.class)
			.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP))
			.withPropertyValues(socket("silent", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "hello"));
					for (int i = 0; i < 3; i++) {
						assertThat(request(client, "Hello " + i)).containsExactly("World " + i);
					}
					ZMQ.Socket quiet = peers.connect(SocketType.REQ, endpoint(context, "silent"));
					send(quiet, "note");
					assertThat(receive(quiet)).singleElement().satisfies((frame) -> assertThat(frame).isEmpty());
				}
				assertThat(context.getBean(RepHandlers.class).notes.values()).containsExactly("note");
			});
	}

	@Test
	void routerSeesEachDealerIdentityAndRoutesEachReplyBack() {
		this.runner.withUserConfiguration(RouterHandler.class)
			.withPropertyValues(socket("router", "type=ROUTER", "bind=" + ANY_TCP))
			.run((context) -> {
				String endpoint = endpoint(context, "router");
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket alice = peers.connect(SocketType.DEALER, endpoint, "alice");
					ZMQ.Socket bob = peers.connect(SocketType.DEALER, endpoint, "bob");
					send(alice, "job-1");
					send(bob, "job-2");
					assertThat(receiveStrings(bob)).containsExactly("bob did job-2");
					assertThat(receiveStrings(alice)).containsExactly("alice did job-1");
				}
				assertThat(context.getBean(RouterHandler.class).senders.values()).containsExactlyInAnyOrder("alice", "bob");
			});
	}

	@Test
	void routerPutsTheRequestEnvelopeBackInFrontOfTheReply() {
		this.runner.withUserConfiguration(RouterHandler.class)
			.withPropertyValues(socket("router", "type=ROUTER", "bind=" + ANY_TCP))
			.run((context) -> {
				String endpoint = endpoint(context, "router");
				try (PeerSockets peers = new PeerSockets()) {
					// A REQ peer only accepts a reply behind the empty delimiter it sent.
					ZMQ.Socket req = peers.connect(SocketType.REQ, endpoint, "carol");
					assertThat(request(req, "job-3")).containsExactly("carol did job-3");
					// The same envelope, seen frame by frame.
					ZMQ.Socket dealer = peers.connect(SocketType.DEALER, endpoint, "dave");
					assertThat(request(dealer, "", "job-4")).containsExactly("", "dave did job-4");
				}
			});
	}

	@Test
	void aReplyOfSeveralFramesOrOfNoneStillAnswersBehindTheEnvelope() {
		this.runner.withUserConfiguration(PartsHandlers.class)
			.withPropertyValues(socket("parts-router", "type=ROUTER", "bind=" + ANY_TCP))
			.withPropertyValues(socket("parts-rep", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					for (String server : List.of("parts-router", "parts-rep")) {
						ZMQ.Socket req = peers.connect(SocketType.REQ, endpoint(context, server));
						assertThat(request(req, "x")).as(server).containsExactly("part", "x");
						// No frames to send: the REQ peer still gets its answer, an empty frame.
						assertThat(request(req, "none")).as(server).containsExactly("");
						assertThat(request(req, "y")).as(server + ", the next request").containsExactly("part", "y");
					}
				}
			});
	}

	@Test
	void pullReceivesWhatPushSendsInOrder() {
		this.runner.withUserConfiguration(PullHandler.class)
			.withPropertyValues(socket("tasks", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint(context, "tasks"));
					List<String> tasks = IntStream.range(0, 20).mapToObj((i) -> "task-" + i).toList();
					tasks.forEach((task) -> send(push, task));
					assertThat(context.getBean(PullHandler.class).tasks.awaitCount(20)).containsExactlyElementsOf(tasks);
				}
			});
	}

	@Test
	void subReadsTheTopicOfAnEnvelopeOrTakesASingleFrameAsPayloadFilteredByPrefix() {
		this.runner.withUserConfiguration(SubHandlers.class)
			.withPropertyValues(socket("weather", "type=SUB", "bind=" + ANY_TCP, "subscribe=weather."))
			.withPropertyValues(socket("zips", "type=SUB", "bind=" + ANY_TCP, "subscribe=10001"))
			.run((context) -> {
				SubHandlers handlers = context.getBean(SubHandlers.class);
				try (PeerSockets peers = new PeerSockets()) {
					// An XPUB publishes like a PUB and shows when the subscriptions have arrived
					// (the slow joiner): from then on nothing matching is dropped.
					ZMQ.Socket publisher = peers.connect(SocketType.XPUB, endpoint(context, "weather"));
					publisher.connect(endpoint(context, "zips"));
					ZmqReadiness.awaitSubscribed(publisher, "weather.", "10001");
					send(publisher, "sports.results", "3-1");
					send(publisher, "20002 rainy");
					send(publisher, "weather.paris", "sunny");
					send(publisher, "10001 sunny");
					// One connection per subscriber keeps order: a message the filter should have
					// dropped would be the first one handled.
					assertThat(handlers.weather.awaitCount(1)).containsExactly("weather.paris|sunny");
					assertThat(handlers.zips.awaitCount(1)).containsExactly("null|10001 sunny");
				}
			});
	}

	@Test
	void xsubSendsItsSubscriptionsAndReadsEnvelopes() {
		this.runner.withUserConfiguration(XsubHandler.class)
			.withPropertyValues(socket("alerts", "type=XSUB", "bind=" + ANY_TCP, "subscribe=alert."))
			.run((context) -> {
				XsubHandler handler = context.getBean(XsubHandler.class);
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket publisher = peers.connect(SocketType.XPUB, endpoint(context, "alerts"));
					ZmqReadiness.awaitSubscribed(publisher, "alert.");
					send(publisher, "noise", "ignored");
					send(publisher, "alert.disk", "full");
					assertThat(handler.alerts.awaitCount(1)).containsExactly("alert.disk|full");
				}
			});
	}

	@Test
	void pairListenerAnswersItsPeerOverInproc() {
		this.runner.withUserConfiguration(PairHandler.class)
			.withPropertyValues(socket("pair-server", "type=PAIR", "bind=inproc://listener-types-pair"))
			.withPropertyValues(socket("pair-client", "type=PAIR", "connect=inproc://listener-types-pair"))
			.run((context) -> {
				String reply = context.getBean(ZmqSocketRegistry.class).socket("pair-client").execute((pair) -> {
					pair.setReceiveTimeOut((int) WAIT.toMillis());
					pair.send("ping");
					return pair.recvStr();
				});
				assertThat(reply).isEqualTo("pong for ping");
			});
	}

	@Test
	void dealerListenerAnswersARouterPeerBehindTheEnvelopeItReceived() {
		this.runner.withUserConfiguration(DealerHandler.class)
			.withPropertyValues(socket("worker", "type=DEALER", "bind=" + ANY_TCP, "identity=worker-1"))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket router = peers.connect(SocketType.ROUTER, endpoint(context, "worker"));
					router.setRouterMandatory(true);
					// router-mandatory refuses to route until the worker's identity is known.
					await().pollInSameThread().atMost(WAIT).until(() -> routed(router, "worker-1", "", "task-1"));
					assertThatNextMessage(router).containsExactlyText("worker-1", "", "done task-1").hasDelimiterAt(1);
					send(router, "worker-1", "task-2");
					assertThatNextMessage(router).containsExactlyText("worker-1", "done task-2");
				}
			});
	}

	private static boolean routed(ZMQ.Socket router, String... frames) {
		try {
			send(router, frames);
			return true;
		}
		catch (ZMQException ex) {
			assertThat(ex.getErrorCode()).isEqualTo(ZMQ.Error.EHOSTUNREACH.getCode());
			return false;
		}
	}

	static class RepHandlers {

		final HandledMessages<String> notes = new HandledMessages<>();

		@ZmqListener("hello")
		String hello(String request) {
			return request.replace("Hello", "World");
		}

		@ZmqListener("silent")
		void note(String note) {
			this.notes.record(note);
		}

	}

	static class PartsHandlers {

		@ZmqListener("parts-router")
		List<String> routed(String request) {
			return parts(request);
		}

		@ZmqListener("parts-rep")
		List<String> replied(String request) {
			return parts(request);
		}

		private static List<String> parts(String request) {
			return request.equals("none") ? List.of() : List.of("part", request);
		}

	}

	static class RouterHandler {

		final HandledMessages<String> senders = new HandledMessages<>();

		@ZmqListener("router")
		String route(@Header(ZmqHeaders.IDENTITY) byte[] identity, String job) {
			String sender = new String(identity, StandardCharsets.UTF_8);
			this.senders.record(sender);
			return sender + " did " + job;
		}

	}

	static class PullHandler {

		final HandledMessages<String> tasks = new HandledMessages<>();

		@ZmqListener("tasks")
		void task(String task) {
			this.tasks.record(task);
		}

	}

	static class SubHandlers {

		final HandledMessages<String> weather = new HandledMessages<>();

		final HandledMessages<String> zips = new HandledMessages<>();

		@ZmqListener("weather")
		void weather(@Header(ZmqHeaders.TOPIC) String topic, String report) {
			this.weather.record(topic + "|" + report);
		}

		@ZmqListener("zips")
		void zip(@Header(name = ZmqHeaders.TOPIC, required = false) String topic, String update) {
			this.zips.record(topic + "|" + update);
		}

	}

	static class XsubHandler {

		final HandledMessages<String> alerts = new HandledMessages<>();

		@ZmqListener("alerts")
		void alert(@Header(ZmqHeaders.TOPIC) String topic, String alert) {
			this.alerts.record(topic + "|" + alert);
		}

	}

	static class PairHandler {

		@ZmqListener("pair-server")
		String pong(String ping) {
			return "pong for " + ping;
		}

	}

	static class DealerHandler {

		@ZmqListener("worker")
		String work(String task) {
			return "done " + task;
		}

	}

}
