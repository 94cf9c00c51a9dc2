package org.zeromq.spring.observation;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.autoconfigure.observation.ZmqMetricsAutoConfiguration;
import org.zeromq.spring.core.ZmqSendException;
import org.zeromq.spring.interop.PythonZmqPeer;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.HandledMessages;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * The {@code zeromq.*} meters read the sockets' own counts: exact after N messages, drops by
 * reason under each HWM policy, the peers gauge following real peers (a JeroMQ one and a pyzmq
 * one) as they come and go, and the listener timer. Without a meter registry, without Micrometer,
 * or switched off, there are none.
 */
class ZmqMetricsTests {

	private static final int MESSAGES = 50;

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				ZmqMetricsAutoConfiguration.class));

	@Test
	void afterNMessagesTheCountersAndTheListenerTimerSayExactlyN() {
		this.runner.withUserConfiguration(Sink.class)
			.withPropertyValues(socket("in", "type=PULL", "bind=" + ANY_TCP))
			.withPropertyValues(socket("out", "type=PUSH", "connect=inproc://metrics-unused"))
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				try (PeerSockets peers = new PeerSockets()) {
					pushMessages(peers, endpoint(context, "in"));
					context.getBean(Sink.class).handled.awaitCount(MESSAGES);
				}
				await().atMost(ZmqApplication.WAIT)
					.until(() -> counter(meters, "zeromq.messages.received", "in") == MESSAGES);
				FunctionTimer handled = meters.get("zeromq.listener")
					.tags("listener", "sink", "socket", "in", "outcome", "success", "exception", "none")
					.functionTimer();
				await().atMost(ZmqApplication.WAIT).until(() -> handled.count() == MESSAGES);
				assertThat(handled.totalTime(TimeUnit.NANOSECONDS)).isPositive();
				assertThat(counter(meters, "zeromq.messages.sent", "in")).isZero();
				assertThat(meters.get("zeromq.messages.received").tags("socket", "in", "type", "PULL").functionCounter()
					.count()).isEqualTo(MESSAGES);
			});
	}

	@Test
	void theListenerTimerIsRegisteredWithTheListenerBeforeItsFirstMessage() {
		this.runner.withUserConfiguration(Sink.class)
			.withPropertyValues(socket("in", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> {
				FunctionTimer handled = context.getBean(MeterRegistry.class)
					.get("zeromq.listener")
					.tags("listener", "sink", "socket", "in", "outcome", "success", "exception", "none")
					.functionTimer();
				assertThat(handled.count()).isZero();
			});
	}

	@Test
	void failedHandlerCallsAreTimedByTheirExceptionAndNotAsSuccesses() {
		this.runner.withUserConfiguration(Refusing.class)
			.withPropertyValues(socket("in", "type=PULL", "bind=" + ANY_TCP))
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				try (PeerSockets peers = new PeerSockets()) {
					pushMessages(peers, endpoint(context, "in"));
					// An outcome's timer is registered with its first call.
					await().atMost(ZmqApplication.WAIT).until(() -> {
						FunctionTimer failed = meters.find("zeromq.listener")
							.tags("listener", "refusing", "outcome", "error", "exception", "IllegalStateException")
							.functionTimer();
						return failed != null && failed.count() == MESSAGES;
					});
				}
				assertThat(meters.get("zeromq.listener").tags("listener", "refusing", "outcome", "success").functionTimer()
					.count()).isZero();
			});
	}

	@Test
	void eachSocketCountsOnlyTheDiagnosesThatCanOccurOnIt() {
		try (PeerSockets peers = new PeerSockets()) {
			String server = peers.bind(SocketType.REP).getLastEndpoint();
			String publisher = peers.bind(SocketType.PUB).getLastEndpoint();
			this.runner.withPropertyValues(socket("in", "type=PULL", "bind=" + ANY_TCP))
				.withPropertyValues(socket("feed", "type=SUB", "connect=" + publisher, "subscribe[0]="))
				.withPropertyValues(socket("news", "type=PUB", "bind=" + ANY_TCP))
				.withPropertyValues(socket("client", "type=REQ", "connect=" + server))
				.withPropertyValues(socket("backend", "type=ROUTER", "bind=" + ANY_TCP))
				.withPropertyValues(socket("local", "type=PUSH", "bind=inproc://metrics-local"))
				.run((context) -> {
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					assertThat(diagnosisKinds(meters, "in")).isEmpty();
					assertThat(diagnosisKinds(meters, "feed")).containsExactlyInAnyOrder("connect-without-handshake");
					assertThat(diagnosisKinds(meters, "news")).containsExactlyInAnyOrder("publish-without-subscribers",
							"send-without-peer", "hwm-reached");
					assertThat(diagnosisKinds(meters, "client")).containsExactlyInAnyOrder("send-without-peer",
							"hwm-reached", "connect-without-handshake", "request-timeout");
					assertThat(diagnosisKinds(meters, "backend")).containsExactlyInAnyOrder("send-without-peer",
							"hwm-reached", "unroutable");
					// inproc raises no connection events: only a full queue can be seen.
					assertThat(diagnosisKinds(meters, "local")).containsExactlyInAnyOrder("hwm-reached");
					context.getBean(ZmqTemplate.class).send("news", "nobody listens");
					assertThat(meters.get("zeromq.diagnoses").tags("socket", "news", "kind", "publish-without-subscribers")
						.functionCounter().count()).isEqualTo(1);
				});
		}
	}

	@Test
	void sendsThroughTheTemplateCountOncePerMessage() {
		this.runner.withPropertyValues(socket("out", "type=PUSH", "bind=" + ANY_TCP)).run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket pull = peers.connect(SocketType.PULL, endpoint(context, "out"));
				// Before the handshake a bound PUSH may deal messages to a connection JeroMQ then drops.
				assertThat(template.awaitPeers("out", 1, PeerSockets.TIMEOUT)).isTrue();
				for (int i = 0; i < MESSAGES; i++) {
					template.send("out", "m" + i);
				}
				for (int i = 0; i < MESSAGES; i++) {
					assertThat(pull.recvStr()).isEqualTo("m" + i);
				}
			}
			assertThat(counter(meters, "zeromq.messages.sent", "out")).isEqualTo(MESSAGES);
		});
	}

	@Test
	void underDropEachDroppedMessageCountsWithItsReason() {
		this.runner.withPropertyValues(socket("out", "type=PUSH", "bind=" + ANY_TCP, "hwm-policy=DROP"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				// No peer at all: nowhere to queue.
				for (int i = 0; i < 3; i++) {
					assertThat(template.send("out", "lost")).isFalse();
				}
				assertThat(dropped(context.getBean(MeterRegistry.class), "out", "no-peer")).isEqualTo(3);
				assertThat(dropped(context.getBean(MeterRegistry.class), "out", "hwm")).isZero();
			});
	}

	@Test
	void underDropAFullQueueCountsAsHwm() {
		// inproc: the peer is the queue, and the queue is full after a handful of messages.
		this.runner.withPropertyValues(socket("out", "type=PUSH", "bind=inproc://metrics-hwm", "hwm-policy=DROP",
				"send-hwm=1")).run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					try (PeerSockets peers = PeerSockets.on(context.getBean(org.zeromq.ZContext.class))) {
						ZMQ.Socket pull = peers.create(SocketType.PULL);
						pull.setRcvHWM(1);
						pull.connect("inproc://metrics-hwm");
						int refused = 0;
						for (int i = 0; i < 20; i++) {
							refused += template.send("out", "m" + i) ? 0 : 1;
						}
						assertThat(refused).isPositive();
						assertThat(dropped(context.getBean(MeterRegistry.class), "out", "hwm")).isEqualTo(refused);
					}
				});
	}

	@Test
	void underFailAndBlockARefusedMessageCountsAsDroppedToo() {
		this.runner.withPropertyValues(socket("failing", "type=PUSH", "bind=" + ANY_TCP, "hwm-policy=FAIL"))
			.withPropertyValues(socket("blocking", "type=PUSH", "bind=" + ANY_TCP, "send-timeout=20ms"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThatExceptionOfType(ZmqSendException.class).isThrownBy(() -> template.send("failing", "x"));
				assertThatExceptionOfType(ZmqSendException.class).isThrownBy(() -> template.send("blocking", "x"));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(dropped(meters, "failing", "no-peer")).isEqualTo(1);
				assertThat(dropped(meters, "blocking", "no-peer")).isEqualTo(1);
			});
	}

	@Test
	void thePeersGaugeGoesUpAndDownAsRealPeersConnectAndLeave() {
		this.runner.withPropertyValues(socket("tasks", "type=PUSH", "bind=" + ANY_TCP)).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			Gauge peersGauge = context.getBean(MeterRegistry.class).get("zeromq.socket.peers")
				.tags("socket", "tasks", "type", "PUSH").gauge();
			assertThat(peersGauge.value()).isZero();
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket first = peers.connect(SocketType.PULL, endpoint(context, "tasks"));
				assertThat(template.awaitPeers("tasks", 1, PeerSockets.TIMEOUT)).isTrue();
				assertThat(peersGauge.value()).isEqualTo(1);
				peers.connect(SocketType.PULL, endpoint(context, "tasks"));
				assertThat(template.awaitPeers("tasks", 2, PeerSockets.TIMEOUT)).isTrue();
				assertThat(peersGauge.value()).isEqualTo(2);
				first.close();
				await().atMost(PeerSockets.TIMEOUT).until(() -> peersGauge.value() == 1);
			}
			await().atMost(PeerSockets.TIMEOUT).until(() -> peersGauge.value() == 0);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			// Events count connections, not peers: JeroMQ 0.6.0 now and then leaves a new connection
			// without a handshake until the peer's handshake timer makes it again (jeromq#1022), which
			// adds an accepted and a disconnected connection, so only these relations are exact.
			assertThat(events(meters, "handshake-completed")).isGreaterThanOrEqualTo(2);
			await().atMost(PeerSockets.TIMEOUT)
				.untilAsserted(() -> assertThat(events(meters, "disconnected")).isEqualTo(events(meters, "accepted")));
		});
	}

	@Test
	void aPyzmqPeerConnectingAndLeavingShowsInThePeersGauge() {
		PythonZmqPeer.assumeAvailable();
		this.runner.withPropertyValues(socket("tasks", "type=PUSH", "bind=" + ANY_TCP)).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			Gauge peersGauge = context.getBean(MeterRegistry.class).get("zeromq.socket.peers")
				.tags("socket", "tasks", "type", "PUSH").gauge();
			try (PythonZmqPeer pull = PythonZmqPeer.start("pull_client.py", endpoint(context, "tasks"), "1")) {
				assertThat(template.awaitPeers("tasks", 1, PeerSockets.TIMEOUT)).isTrue();
				assertThat(peersGauge.value()).isEqualTo(1);
				template.send("tasks", "last");
				assertThat(pull.nextLine(PeerSockets.TIMEOUT)).isEqualTo("last");
				assertThat(pull.awaitExit(PeerSockets.TIMEOUT)).isZero();
			}
			await().atMost(PeerSockets.TIMEOUT).until(() -> peersGauge.value() == 0);
		});
	}

	@Test
	void requestsArePendingUntilAnsweredAndTimedByOutcome() {
		this.runner.withPropertyValues(socket("client", "type=REQ", "connect=inproc://metrics-rep"))
			.withPropertyValues(socket("server", "type=REP", "bind=inproc://metrics-rep"))
			.withUserConfiguration(Echo.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request("client", "ping", ZmqApplication.WAIT, String.class)).isEqualTo("ping");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("zeromq.request").tags("socket", "client", "outcome", "success").functionTimer()
					.count()).isEqualTo(1);
				assertThat(meters.get("zeromq.requests.pending").tags("socket", "client").gauge().value()).isZero();
			});
	}

	@Test
	void withoutAMeterRegistryThereAreNoMeters() {
		ZmqApplication.runner()
			.withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ZmqMetrics.class).doesNotHaveBean(ListenerTimings.class));
	}

	@Test
	void withoutMicrometerThereAreNoMeters() {
		ZmqApplication.runner()
			.withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ZmqMetrics.class)
				.doesNotHaveBean(ListenerTimings.class));
	}

	@Test
	void switchedOffThereAreNoMeters() {
		this.runner.withPropertyValues("zeromq.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZmqMetrics.class).doesNotHaveBean(ListenerTimings.class));
	}

	// MESSAGES messages ("m0", "m1", …) from a raw PUSH connected to the endpoint.
	private static void pushMessages(PeerSockets peers, String endpoint) {
		ZMQ.Socket push = peers.connect(SocketType.PUSH, endpoint);
		for (int i = 0; i < MESSAGES; i++) {
			push.send("m" + i);
		}
	}

	private static double counter(MeterRegistry meters, String name, String socket) {
		FunctionCounter counter = meters.get(name).tags("socket", socket).functionCounter();
		return counter.count();
	}

	private static java.util.List<String> diagnosisKinds(MeterRegistry meters, String socket) {
		return meters.find("zeromq.diagnoses").tags("socket", socket).functionCounters().stream()
			.map((counter) -> counter.getId().getTag("kind"))
			.toList();
	}

	private static double dropped(MeterRegistry meters, String socket, String reason) {
		return meters.get("zeromq.messages.dropped").tags("socket", socket, "reason", reason).functionCounter().count();
	}

	static class Sink {

		final HandledMessages<String> handled = new HandledMessages<>();

		@ZmqListener(id = "sink", socket = "in")
		void receive(String message) {
			this.handled.record(message);
		}

	}

	static class Refusing {

		@ZmqListener(id = "refusing", socket = "in")
		void receive(String message) {
			throw new IllegalStateException("refused " + message);
		}

	}

	static class Echo {

		@ZmqListener("server")
		String echo(String request) {
			return request;
		}

	}

	private static double events(MeterRegistry meters, String event) {
		return meters.get("zeromq.socket.events").tags("socket", "tasks", "event", event).functionCounter().count();
	}

}
