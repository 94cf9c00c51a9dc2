package org.zeromq.spring.benchmarks.harness.scenarios;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Arrivals;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.RawLoop;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;

/**
 * PUB → SUB over tcp with a {@code [topic][payload]} envelope (the guide's psenvpub). Lossless:
 * the publisher sets xpub-nodrop, so at the high-water mark it waits instead of dropping, and the
 * receiver counts what arrived anyway. Before timing, the publisher sends handshake messages
 * until one arrives, so that the subscription is known to be in place (the slow-joiner rule).
 */
final class PubSubScenario implements Scenario {

	private static final String HELLO_TOPIC = "bench.hello";

	private static final int HANDSHAKE_ATTEMPTS = 500;

	private static final Duration HANDSHAKE_WAIT = Duration.ofMillis(20);

	private final int messages;

	PubSubScenario(int messages) {
		this.messages = messages;
	}

	@Override
	public String name() {
		return "PUB→SUB tcp topic envelope byte[]";
	}

	@Override
	public Side open(String side) throws InterruptedException {
		return side.equals("raw") ? raw() : starter();
	}

	private Side raw() throws InterruptedException {
		Probe probe = new Probe();
		ZContext publisherContext = new ZContext();
		ZMQ.Socket pub = RawJeromq.socket(publisherContext, SocketType.PUB);
		pub.setXpubNoDrop(true);
		pub.bind(RawJeromq.LOOPBACK_ANY_PORT);
		ZContext subscriberContext = new ZContext();
		ZMQ.Socket sub = RawJeromq.socket(subscriberContext, SocketType.SUB);
		sub.subscribe("bench.".getBytes(StandardCharsets.UTF_8));
		sub.connect(pub.getLastEndpoint());
		RawLoop receiver = new RawLoop("raw-sub", sub, (socket) -> {
			byte[] topic = socket.recv(0);
			if (topic == null) {
				return false;
			}
			byte[] payload = socket.hasReceiveMore() ? socket.recv(0) : new byte[0];
			probe.take(new String(topic, StandardCharsets.UTF_8), payload);
			return true;
		});
		handshake(probe, () -> {
			pub.sendMore(HELLO_TOPIC);
			pub.send(Payload.BYTES_100, 0);
		});
		return new ThroughputSide(this.messages, probe.data, () -> {
			pub.sendMore(Sinks.DATA_TOPIC);
			pub.send(Payload.BYTES_100, 0);
		}, pub::close, publisherContext, receiver, subscriberContext);
	}

	private Side starter() throws InterruptedException {
		Probe probe = new Probe();
		StarterApp publisher = StarterApp.start(Map.of("zeromq.sockets.out.type", "PUB", "zeromq.sockets.out.bind",
				RawJeromq.LOOPBACK_ANY_PORT, "zeromq.sockets.out.xpub-nodrop", "true"), Map.of());
		StarterApp subscriber = StarterApp.start(Map.of("zeromq.sockets.in.type", "SUB", "zeromq.sockets.in.connect",
				publisher.endpoint("out"), "zeromq.sockets.in.subscribe", "bench."), Map.of("probe", probe),
				Sinks.TopicSink.class);
		handshake(probe, () -> publisher.template().send("out", HELLO_TOPIC, Payload.BYTES_100));
		return new ThroughputSide(this.messages, probe.data,
				() -> publisher.template().send("out", Sinks.DATA_TOPIC, Payload.BYTES_100), publisher, subscriber);
	}

	private static void handshake(Probe probe, Runnable sendHello) throws InterruptedException {
		probe.hello.expect(1);
		for (int attempt = 0; attempt < HANDSHAKE_ATTEMPTS; attempt++) {
			sendHello.run();
			if (probe.hello.await(HANDSHAKE_WAIT)) {
				return;
			}
		}
		throw new IllegalStateException("The subscription did not reach the publisher within " + HANDSHAKE_ATTEMPTS + " attempts");
	}

	/** What a subscriber saw: handshake messages and data messages, counted apart. */
	static final class Probe {

		final Arrivals hello = new Arrivals();

		final Arrivals data = new Arrivals();

		void take(String topic, byte[] payload) {
			if (topic.equals(Sinks.DATA_TOPIC)) {
				this.data.arrived(payload.length);
			}
			else {
				this.hello.arrived(payload.length);
			}
		}

	}

}
