package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.RawLoop;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;

/**
 * The guide's msgqueue between a pipelining client and a worker: a raw DEALER keeps a window of
 * requests in flight through a ROUTER/DEALER proxy to a raw REP echo worker. Only the broker
 * differs between the sides: raw, a thread running {@code ZMQ.proxy}; starter, a
 * {@code zeromq.proxies} entry over two sockets declared in properties. Every socket's
 * high-water marks are above the window, so that no reply is dropped (see {@link EchoServers}).
 */
final class ProxyScenario implements Scenario {

	static final String NAME = "yml proxy (DEALER → ROUTER/DEALER proxy → REP)";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final byte[] DELIMITER = new byte[0];

	private final int requests;

	private final int inFlight;

	ProxyScenario(int requests, int inFlight) {
		this.requests = requests;
		this.inFlight = inFlight;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(PipelinedRequestScenario.REQUESTS);
	}

	@Override
	public Side open(String side) {
		Broker broker = side.equals("raw") ? rawBroker() : starterBroker();
		ZContext context = new ZContext();
		// A REP drops a reply to a peer whose pipe is at the mark, like a ROUTER: the worker's too.
		ZMQ.Socket rep = RawJeromq.socket(context, SocketType.REP, EchoServers.HWM);
		rep.connect(broker.backend());
		RawLoop worker = new RawLoop("bench-proxy-worker", rep, EchoServers.echo(Duration.ZERO));
		ZMQ.Socket client = RawJeromq.socket(context, SocketType.DEALER, EchoServers.HWM);
		client.connect(broker.frontend());
		client.setReceiveTimeOut((int) TIMEOUT.toMillis());
		return new ProxySide(client, client::close, worker, broker.closing(), context);
	}

	/** The raw broker: two bound sockets and {@code ZMQ.proxy} on a thread, stopped by its control socket. */
	private static Broker rawBroker() {
		ZContext context = new ZContext();
		ZMQ.Socket front = RawJeromq.socket(context, SocketType.ROUTER, EchoServers.HWM);
		front.bind(RawJeromq.LOOPBACK_ANY_PORT);
		ZMQ.Socket back = RawJeromq.socket(context, SocketType.DEALER, EchoServers.HWM);
		back.bind(RawJeromq.LOOPBACK_ANY_PORT);
		ZMQ.Socket control = RawJeromq.bind(context, SocketType.PAIR, "inproc://bench-proxy-control");
		ZMQ.Socket terminate = RawJeromq.connect(context, SocketType.PAIR, "inproc://bench-proxy-control");
		String frontend = front.getLastEndpoint();
		String backend = back.getLastEndpoint();
		Thread proxy = new Thread(() -> {
			try {
				ZMQ.proxy(front, back, null, control);
			}
			finally {
				front.close();
				back.close();
				control.close();
			}
		}, "raw-proxy");
		proxy.setDaemon(true);
		proxy.start();
		AutoCloseable stop = () -> {
			terminate.send(ZMQ.PROXY_TERMINATE, 0);
			proxy.join(10_000);
			terminate.close();
		};
		return new Broker(frontend, backend, new ClosingOrder(stop, context));
	}

	/** The starter's broker: what a user writes in application.yml, and nothing else. */
	private static Broker starterBroker() {
		StarterApp app = StarterApp.start(Map.of("zeromq.sockets.frontend.type", "ROUTER",
				"zeromq.sockets.frontend.bind", RawJeromq.LOOPBACK_ANY_PORT, "zeromq.sockets.frontend.send-hwm", EchoServers.HWM,
				"zeromq.sockets.frontend.receive-hwm", EchoServers.HWM, "zeromq.sockets.backend.type", "DEALER",
				"zeromq.sockets.backend.bind", RawJeromq.LOOPBACK_ANY_PORT, "zeromq.sockets.backend.send-hwm", EchoServers.HWM,
				"zeromq.sockets.backend.receive-hwm", EchoServers.HWM, "zeromq.proxies.bench.frontend", "frontend",
				"zeromq.proxies.bench.backend", "backend"), Map.of());
		return new Broker(app.endpoint("frontend"), app.endpoint("backend"), new ClosingOrder(app));
	}

	private record Broker(String frontend, String backend, ClosingOrder closing) {

	}

	private final class ProxySide extends OwningSide {

		private final ZMQ.Socket client;

		ProxySide(ZMQ.Socket client, AutoCloseable... closeInOrder) {
			super(closeInOrder);
			this.client = client;
		}

		@Override
		public double[] runRound() {
			long start = System.nanoTime();
			int sent = 0;
			int received = 0;
			while (received < ProxyScenario.this.requests) {
				while (sent < ProxyScenario.this.requests && sent - received < ProxyScenario.this.inFlight) {
					this.client.send(DELIMITER, ZMQ.SNDMORE);
					this.client.send(Payload.BYTES_100, 0);
					sent++;
				}
				if (this.client.recv(0) == null || this.client.recv(0) == null) {
					throw new IllegalStateException("no reply through the proxy within " + TIMEOUT);
				}
				received++;
			}
			return new double[] { ProxyScenario.this.requests * 1e9 / (System.nanoTime() - start) };
		}

	}

}
