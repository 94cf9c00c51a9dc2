package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * Requests pipelined on one DEALER socket, a fixed number in flight, against a REP server
 * (optionally doing some work per request). Raw: a DEALER loop that keeps the window full and
 * reads replies. Starter: {@code ZmqTemplate.requestAsync}, a permit per request in flight.
 * Both ends raise their high-water marks above the window (see {@link EchoServers}).
 */
final class PipelinedRequestScenario implements Scenario {

	static final Metric REQUESTS = new Metric("requests/s", true);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final byte[] DELIMITER = new byte[0];

	/** The raw DEALER loop against the starter's server. */
	static final String RAW_CLIENT = "raw DEALER → starter server";

	private final String name;

	private final int requests;

	private final int inFlight;

	private final Duration work;

	private final int concurrency;

	/**
	 * @param work what the server's handler does per request
	 * @param concurrency server threads: the raw side then runs the guide's mtserver
	 */
	PipelinedRequestScenario(String name, int requests, int inFlight, Duration work, int concurrency) {
		this.name = name;
		this.requests = requests;
		this.inFlight = inFlight;
		this.work = work;
		this.concurrency = concurrency;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(REQUESTS);
	}

	/**
	 * With several server threads, a third side puts the raw DEALER loop in front of the
	 * starter's server: against the raw side it shows what the starter's device and workers cost,
	 * against the starter side what its client costs.
	 */
	@Override
	public List<String> sides() {
		return (this.concurrency > 1) ? List.of("raw", "starter", RAW_CLIENT) : List.of("raw", "starter");
	}

	@Override
	public Side open(String side) {
		if (side.equals("raw") || side.equals(RAW_CLIENT)) {
			Peer server = side.equals(RAW_CLIENT) ? EchoServers.starter(this.work, this.concurrency)
					: (this.concurrency > 1) ? EchoServers.rawMultithreaded(this.work, this.concurrency)
							: EchoServers.raw(this.work);
			ZContext context = new ZContext();
			ZMQ.Socket dealer = RawJeromq.socket(context, SocketType.DEALER, EchoServers.HWM);
			dealer.connect(server.endpoint());
			dealer.setReceiveTimeOut((int) TIMEOUT.toMillis());
			return new RequestSide(() -> rawRound(dealer), dealer::close, context, server);
		}
		Peer server = EchoServers.starter(this.work, this.concurrency);
		StarterApp client = StarterApp.start(Map.of("zeromq.sockets.dealer.type", "DEALER",
				"zeromq.sockets.dealer.connect", server.endpoint(), "zeromq.sockets.dealer.send-hwm", EchoServers.HWM,
				"zeromq.sockets.dealer.receive-hwm", EchoServers.HWM), Map.of());
		ZmqTemplate template = client.template();
		return new RequestSide(() -> starterRound(template), client, server);
	}

	private void rawRound(ZMQ.Socket dealer) {
		int sent = 0;
		int received = 0;
		while (received < this.requests) {
			while (sent < this.requests && sent - received < this.inFlight) {
				dealer.send(DELIMITER, ZMQ.SNDMORE);
				dealer.send(Payload.BYTES_100, 0);
				sent++;
			}
			if (dealer.recv(0) == null || dealer.recv(0) == null) {
				throw new IllegalStateException("no reply within " + TIMEOUT);
			}
			received++;
		}
	}

	private void starterRound(ZmqTemplate template) {
		Semaphore window = new Semaphore(this.inFlight);
		AtomicLong failures = new AtomicLong();
		// The window refills in steps of a tenth (between 90 % and 100 % of it in flight): waiting
		// for one permit at a time would park and unpark this thread once per reply, and measure
		// that ping-pong between two threads instead of the requests.
		int step = Math.max(1, this.inFlight / 10);
		try {
			int sent = 0;
			while (sent < this.requests) {
				int batch = Math.min(step, this.requests - sent);
				acquire(window, batch);
				for (int i = 0; i < batch; i++) {
					template.requestAsync("dealer", Payload.BYTES_100, TIMEOUT, byte[].class).whenComplete((reply, error) -> {
						if (error != null) {
							failures.incrementAndGet();
						}
						window.release();
					});
				}
				sent += batch;
			}
			acquire(window, this.inFlight);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " requests failed");
		}
	}

	private static void acquire(Semaphore window, int permits) throws InterruptedException {
		if (!window.tryAcquire(permits, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("replies stopped coming for " + TIMEOUT);
		}
	}

	private final class RequestSide extends OwningSide {

		private final Runnable round;

		RequestSide(Runnable round, AutoCloseable... closeInOrder) {
			super(closeInOrder);
			this.round = round;
		}

		@Override
		public double[] runRound() {
			long start = System.nanoTime();
			this.round.run();
			return new double[] { PipelinedRequestScenario.this.requests * 1e9 / (System.nanoTime() - start) };
		}

	}

}
