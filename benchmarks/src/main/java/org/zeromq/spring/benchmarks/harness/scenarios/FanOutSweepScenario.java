package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.benchmarks.harness.SweepPoint;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * One point of the fan-out sweep: a PUB over tcp to a number of raw SUB peers
 * ({@link SubscriberPool}, the same on both sides), {@code [topic][100 bytes]} messages. Raw: a
 * PUB socket on the harness thread. Starter: {@code ZmqTemplate.send(socket, topic, payload)} on
 * a PUB declared in properties. Lossless as {@link PubSubScenario} is: the publisher sets
 * xpub-nodrop, so it waits at the high-water mark instead of dropping, and before timing it sends
 * handshake messages until every subscriber has one.
 * <p>
 * The first metric counts deliveries, messages received summed over all subscribers; the
 * second counts messages published (deliveries divided by the subscribers).
 */
final class FanOutSweepScenario implements Scenario {

	static final String SWEEP = "sweep fan-out";

	static final Metric DELIVERED = new Metric("delivered msg/s (all SUBs)", true);

	static final Metric PUBLISHED = new Metric("published msg/s", true);

	private static final String HELLO_TOPIC = "bench.hello";

	private static final int HANDSHAKE_ATTEMPTS = 1500;

	private static final Duration HANDSHAKE_WAIT = Duration.ofMillis(20);

	private final int subscribers;

	private final int published;

	/** @param published messages published per round; each reaches every subscriber */
	FanOutSweepScenario(int subscribers, int published) {
		this.subscribers = subscribers;
		this.published = published;
	}

	@Override
	public String name() {
		return SWEEP + " PUB → " + this.subscribers + " SUB peers tcp";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(DELIVERED, PUBLISHED);
	}

	@Override
	public Optional<SweepPoint> sweepPoint() {
		return Optional.of(new SweepPoint(SWEEP, "SUB peers", this.subscribers));
	}

	@Override
	public Side open(String side) throws Exception {
		return side.equals("raw") ? raw() : starter();
	}

	private Side raw() throws Exception {
		ZContext publisherContext = new ZContext();
		ZMQ.Socket pub = RawJeromq.socket(publisherContext, SocketType.PUB);
		pub.setXpubNoDrop(true);
		pub.bind(RawJeromq.LOOPBACK_ANY_PORT);
		SubscriberPool pool = new SubscriberPool(this.subscribers, pub.getLastEndpoint());
		Side side = new FanOutSide(pool, () -> {
			pub.sendMore(Sinks.DATA_TOPIC);
			pub.send(Payload.BYTES_100, 0);
		}, pub::close, publisherContext, pool);
		handshake(side, pool, () -> {
			pub.sendMore(HELLO_TOPIC);
			pub.send(Payload.BYTES_100, 0);
		});
		return side;
	}

	private Side starter() throws Exception {
		StarterApp publisher = StarterApp.start(Map.of("zeromq.sockets.out.type", "PUB", "zeromq.sockets.out.bind",
				RawJeromq.LOOPBACK_ANY_PORT, "zeromq.sockets.out.xpub-nodrop", "true"), Map.of());
		SubscriberPool pool = new SubscriberPool(this.subscribers, publisher.endpoint("out"));
		ZmqTemplate template = publisher.template();
		Side side = new FanOutSide(pool, () -> template.send("out", Sinks.DATA_TOPIC, Payload.BYTES_100), publisher, pool);
		// The starter's own wait for subscriptions first, as an application would use it; the
		// handshake then proves that each subscriber receives.
		if (!template.awaitSubscribers("out", this.subscribers, HANDSHAKE_WAIT.multipliedBy(HANDSHAKE_ATTEMPTS))) {
			IllegalStateException failure = new IllegalStateException(
					"Not all " + this.subscribers + " subscribers subscribed within " + HANDSHAKE_WAIT.multipliedBy(HANDSHAKE_ATTEMPTS));
			side.close();
			throw failure;
		}
		handshake(side, pool, () -> template.send("out", HELLO_TOPIC, Payload.BYTES_100));
		return side;
	}

	/**
	 * Publishes handshake messages until every subscriber has one (the slow-joiner rule): from
	 * then on no subscriber misses data. Closes the side when that does not happen in time.
	 */
	private static void handshake(Side side, SubscriberPool pool, Runnable sendHello) throws Exception {
		try {
			for (int attempt = 0; attempt < HANDSHAKE_ATTEMPTS; attempt++) {
				sendHello.run();
				if (pool.awaitGreeted(HANDSHAKE_WAIT)) {
					return;
				}
			}
			throw new IllegalStateException("Only " + pool.greeted() + " of " + pool.size() + " subscriptions reached the publisher within "
					+ HANDSHAKE_ATTEMPTS + " attempts");
		}
		catch (RuntimeException | InterruptedException ex) {
			try {
				side.close();
			}
			catch (Exception closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	/**
	 * Publishes a round from the harness thread and times it until every subscriber has counted
	 * every message of it.
	 */
	private final class FanOutSide extends OwningSide {

		private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

		private final SubscriberPool pool;

		private final Runnable publishOne;

		private String note;

		FanOutSide(SubscriberPool pool, Runnable publishOne, AutoCloseable... closeInOrder) {
			super(closeInOrder);
			this.pool = pool;
			this.publishOne = publishOne;
		}

		@Override
		public double[] runRound() throws InterruptedException {
			int published = FanOutSweepScenario.this.published;
			long expected = (long) published * this.pool.size();
			long before = this.pool.data().count();
			this.pool.data().expect(expected);
			long start = System.nanoTime();
			for (int i = 0; i < published; i++) {
				this.publishOne.run();
			}
			boolean all = this.pool.data().await(ROUND_TIMEOUT);
			long elapsed = System.nanoTime() - start;
			long delivered = this.pool.data().count() - before;
			if (!all) {
				this.note = "only " + delivered + " of " + expected + " deliveries within " + ROUND_TIMEOUT.toSeconds() + " s";
			}
			double rate = delivered * 1e9 / elapsed;
			return new double[] { rate, rate / this.pool.size() };
		}

		/** Deliveries: the allocation that matters is per message a subscriber receives. */
		@Override
		public long operationsPerRound() {
			return (long) FanOutSweepScenario.this.published * this.pool.size();
		}

		@Override
		public String note() {
			return this.note;
		}

	}

}
