package org.zeromq.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;
import org.zeromq.spring.core.ZmqSendException;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.template.ZmqRequestTimeoutException;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The options JeroMQ accepts but cannot report back (router-mandatory, xpub-verbose,
 * xpub-nodrop, req-relaxed, req-correlate) and immediate, whose JeroMQ flag is inverted: each
 * proven by what the socket then does.
 */
class SocketOptionBehaviourTests {

	/** The options these tests prove, which JeroMQ cannot read back from a socket. */
	static final Set<String> PROVEN_BY_BEHAVIOUR = Set.of("router-mandatory", "xpub-verbose", "xpub-nodrop",
			"req-relaxed", "req-correlate");

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@Test
	void immediateQueuesOnlyToCompletedConnections() {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("x", "type=PUSH", "connect=" + endpointNobodyListensOn(),
					"hwm-policy=fail", "immediate=true"))
			.run((context) -> assertThatExceptionOfType(ZmqSendException.class)
				.isThrownBy(() -> context.getBean(ZmqOperations.class).send("x", "nobody is there")));
	}

	@Test
	void withoutImmediateMessagesQueueForAConnectionStillBeingMade() {
		ZmqApplication.runner()
			// linger 0: the queued message has nowhere to go, closing need not wait for it
			.withPropertyValues(ZmqApplication.socket("x", "type=PUSH", "connect=" + endpointNobodyListensOn(),
					"hwm-policy=fail", "linger=0s"))
			.run((context) -> assertThat(context.getBean(ZmqOperations.class).send("x", "queued")).isTrue());
	}

	@Test
	void routerMandatoryFailsASendToAnUnknownIdentityAndRoutesToAKnownOne() {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("r", "type=ROUTER", "bind=tcp://127.0.0.1:*", "router-mandatory=true"))
			.run((context) -> {
				assertThatExceptionOfType(ZMQException.class)
					.isThrownBy(() -> routeTo(context, "nobody", "lost"))
					.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(ZMQ.Error.EHOSTUNREACH.getCode()));
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket worker = peers.create(SocketType.DEALER);
					worker.setIdentity("worker".getBytes(ZMQ.CHARSET));
					worker.connect(ZmqApplication.registry(context).endpoint("r"));
					// unknown until the connection is made, known from then on
					await().atMost(PATIENCE).ignoreExceptionsInstanceOf(ZMQException.class)
						.until(() -> routeTo(context, "worker", "found you"));
					assertThat(worker.recvStr()).isEqualTo("found you");
				}
			});
	}

	@Test
	void withoutRouterMandatoryASendToAnUnknownIdentityIsDroppedSilently() {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("r", "type=ROUTER", "bind=tcp://127.0.0.1:*"))
			.run((context) -> assertThat(routeTo(context, "nobody", "lost")).isTrue());
	}

	@ParameterizedTest(name = "xpub-verbose={0}")
	@ValueSource(booleans = { true, false })
	void xpubVerbosePassesOnRepeatedSubscriptions(boolean verbose) {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("feed", "type=XPUB", "bind=inproc://feed", ZmqApplication.RECEIVE_TIMEOUT,
					"xpub-verbose=" + verbose))
			.run((context) -> {
				try (PeerSockets peers = PeerSockets.on(context.getBean(ZContext.class))) {
					peers.connect(SocketType.SUB, "inproc://feed").subscribe("a");
					assertThat(ZmqApplication.receive(context, "feed")).isEqualTo("\u0001a");
					ZMQ.Socket second = peers.connect(SocketType.SUB, "inproc://feed");
					second.subscribe("a");
					// "b" comes after the repeated "a" on the same pipe, so once "b" is here,
					// a repeated "a" would have arrived before it
					second.subscribe("b");
					List<String> received = new ArrayList<>();
					do {
						received.add(ZmqApplication.receive(context, "feed"));
					}
					while (!received.contains("\u0001b") && received.size() < 10);
					assertThat(received).isEqualTo(verbose ? List.of("\u0001a", "\u0001b") : List.of("\u0001b"));
				}
			});
	}

	@Test
	void xpubNodropRefusesASendAtTheHighWaterMark() {
		runPublisherWithStalledSubscriber("xpub-nodrop=true", (context, subscriber) -> {
			ZmqOperations template = context.getBean(ZmqOperations.class);
			assertThatExceptionOfType(ZmqSendException.class).isThrownBy(() -> {
				for (int i = 0; i < 1000; i++) {
					template.send("feed", "update " + i);
				}
			});
		});
	}

	@Test
	void withoutXpubNodropAPublisherDropsAtTheHighWaterMark() {
		runPublisherWithStalledSubscriber("xpub-nodrop=false", (context, subscriber) -> {
			ZmqOperations template = context.getBean(ZmqOperations.class);
			for (int i = 0; i < 1000; i++) {
				assertThat(template.send("feed", "update " + i)).isTrue();
			}
			int received = 0;
			while (subscriber.recv(ZMQ.DONTWAIT) != null && received < 1000) {
				received++;
			}
			assertThat(received).isPositive().isLessThan(1000);
		});
	}

	@ParameterizedTest(name = "{0} -> second request allowed: {1}")
	@CsvSource({ "'', true", "req-relaxed=true, true", "req-relaxed=false, false" })
	void reqRelaxedAllowsANewRequestBeforeTheReply(String setting, boolean allowed) {
		runRequesterWithServer(setting, (context, server) -> {
			assertThat(request(context, "first")).isTrue();
			if (allowed) {
				assertThat(request(context, "second")).isTrue();
			}
			else {
				assertThatExceptionOfType(ZMQException.class).isThrownBy(() -> request(context, "second"))
					.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(ZMQ.Error.EFSM.getCode()));
			}
		});
	}

	@ParameterizedTest(name = "{0} -> frames at the server: {1}")
	@CsvSource({ "'', 4", "req-correlate=true, 4", "req-correlate=false, 3" })
	void reqCorrelateAddsARequestIdFrame(String setting, int framesAtServer) {
		runRequesterWithServer(setting, (context, server) -> {
			assertThat(request(context, "hello")).isTrue();
			// [identity][request id][""][hello] with correlation, [identity][""][hello] without
			ZMsg request = ZMsg.recvMsg(server);
			assertThat(request).as("request at the server").isNotNull();
			assertThat(request.size()).isEqualTo(framesAtServer);
			assertThat(request.getLast().getString(ZMQ.CHARSET)).isEqualTo("hello");
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "req-relaxed=true", "req-relaxed=false" })
	void aTimedOutRequestLeavesTheSocketUsableRelaxedOrNot(String setting) {
		// a strict REQ is replaced after a timeout (it would refuse the next send), a relaxed one kept
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try {
			runRequesterWithServer(setting, (context, server) -> {
				ZmqOperations template = context.getBean(ZmqOperations.class);
				assertThatExceptionOfType(ZmqRequestTimeoutException.class)
					.isThrownBy(() -> template.request("client", "unanswered", Duration.ofMillis(200), String.class));
				Future<String> reply = caller.submit(() -> template.request("client", "answered", PATIENCE, String.class));
				ZMsg request;
				do {
					request = ZMsg.recvMsg(server);
					assertThat(request).as("request at the server").isNotNull();
				}
				while (!request.getLast().getString(ZMQ.CHARSET).equals("answered"));
				request.removeLast();
				request.addString("reply");
				request.send(server);
				assertThat(reply.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("reply");
			});
		}
		finally {
			caller.shutdownNow();
		}
	}

	/** A REQ socket {@code client} with the setting (if any), connected to a raw ROUTER server. */
	private static void runRequesterWithServer(String setting, RequesterAction action) {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket server = peers.bind(SocketType.ROUTER);
			List<String> settings = new ArrayList<>(List.of("type=REQ", "connect=" + server.getLastEndpoint()));
			if (!setting.isEmpty()) {
				settings.add(setting);
			}
			ZmqApplication.runner()
				.withPropertyValues(ZmqApplication.socket("client", settings.toArray(String[]::new)))
				.run((context) -> action.accept(context, server));
		}
	}

	/**
	 * A PUB with a high-water mark of one message and {@code hwm-policy: fail}, and an inproc
	 * SUB that receives everything but has stopped reading once the subscription is in place.
	 */
	private static void runPublisherWithStalledSubscriber(String nodrop, StalledSubscriberAction action) {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("feed", "type=PUB", "bind=inproc://feed", "send-hwm=1",
					"hwm-policy=fail", nodrop))
			.run((context) -> {
				try (PeerSockets peers = PeerSockets.on(context.getBean(ZContext.class))) {
					ZMQ.Socket subscriber = peers.create(SocketType.SUB);
					subscriber.setRcvHWM(1);
					subscriber.connect("inproc://feed");
					subscriber.subscribe(ZMQ.SUBSCRIPTION_ALL);
					ZmqOperations template = context.getBean(ZmqOperations.class);
					await().atMost(PATIENCE)
						.until(() -> template.send("feed", "probe") && subscriber.recv(ZMQ.DONTWAIT) != null);
					action.accept(context, subscriber);
				}
			});
	}

	private static boolean request(AssertableApplicationContext context, String payload) {
		return ZmqApplication.registry(context).socket("client").execute((req) -> req.send(payload));
	}

	private static boolean routeTo(AssertableApplicationContext context, String identity, String payload) {
		return ZmqApplication.registry(context)
			.socket("r")
			.execute((router) -> router.sendMore(identity) && router.send(payload));
	}

	private static String endpointNobodyListensOn() {
		// A port the system just handed out and took back: nobody listens there for the test's duration.
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "tcp://127.0.0.1:" + probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	private interface RequesterAction {

		void accept(AssertableApplicationContext context, ZMQ.Socket server) throws Throwable;

	}

	@FunctionalInterface
	private interface StalledSubscriberAction {

		void accept(AssertableApplicationContext context, ZMQ.Socket subscriber) throws Throwable;

	}

}
