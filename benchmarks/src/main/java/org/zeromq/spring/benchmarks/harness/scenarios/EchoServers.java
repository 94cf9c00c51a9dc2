package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.benchmarks.harness.RawLoop;
import org.zeromq.spring.benchmarks.harness.StarterApp;

/**
 * REP servers that answer each request with its own payload after an optional amount of work:
 * a raw receive/send loop (or the guide's mtserver for several workers), and a
 * {@code @ZmqListener} REP. Each runs as its own "process": its own context.
 * <p>
 * Their high-water marks are {@link #HWM}, above the 1 000 requests a pipelined client keeps in
 * flight: a REP routes its replies like a ROUTER, so a reply to a peer whose pipe is at the mark
 * is dropped, and with the default of 1 000 a full window of requests loses some of its replies
 * (JeroMQ counts a pipe full before the 1 000th message, since readers acknowledge in batches).
 */
final class EchoServers {

	static final int HWM = 10_000;

	private EchoServers() {
	}

	/** The guide's hwserver: one REP socket, one thread. */
	static Peer raw(Duration work) {
		return raw(work, null);
	}

	/** The guide's hwserver, a CURVE server when {@code curve} is given, with its ZAP handler. */
	static Peer raw(Duration work, CurveSetup curve) {
		ZContext context = new ZContext();
		AutoCloseable zap = (curve != null) ? curve.rawZapHandler(context) : () -> {
		};
		ZMQ.Socket rep = RawJeromq.socket(context, SocketType.REP, HWM);
		if (curve != null) {
			curve.serve(rep);
		}
		rep.bind(RawJeromq.LOOPBACK_ANY_PORT);
		String endpoint = rep.getLastEndpoint();
		RawLoop loop = new RawLoop("raw-rep", rep, echo(work));
		return new Peer(endpoint, new ClosingOrder(loop, zap, context));
	}

	/**
	 * The guide's mtserver: a ROUTER bound for clients, a DEALER bound on inproc, a proxy between
	 * them, and REP workers on their own threads.
	 */
	static Peer rawMultithreaded(Duration work, int workers) {
		ZContext context = new ZContext();
		ZMQ.Socket front = RawJeromq.socket(context, SocketType.ROUTER, HWM);
		front.bind(RawJeromq.LOOPBACK_ANY_PORT);
		String endpoint = front.getLastEndpoint();
		ZMQ.Socket back = RawJeromq.bind(context, SocketType.DEALER, "inproc://bench-mtserver-workers");
		ZMQ.Socket control = RawJeromq.bind(context, SocketType.PAIR, "inproc://bench-mtserver-control");
		ZMQ.Socket terminate = RawJeromq.connect(context, SocketType.PAIR, "inproc://bench-mtserver-control");
		Thread proxy = new Thread(() -> {
			try {
				ZMQ.proxy(front, back, null, control);
			}
			finally {
				front.close();
				back.close();
				control.close();
			}
		}, "raw-mtserver-proxy");
		proxy.setDaemon(true);
		proxy.start();
		RawLoop[] loops = new RawLoop[workers];
		for (int i = 0; i < workers; i++) {
			loops[i] = new RawLoop("raw-mtserver-worker-" + i,
					RawJeromq.connect(context, SocketType.REP, "inproc://bench-mtserver-workers"), echo(work));
		}
		AutoCloseable stopProxy = () -> {
			terminate.send(ZMQ.PROXY_TERMINATE, 0);
			proxy.join(10_000);
			terminate.close();
		};
		List<AutoCloseable> closeInOrder = new ArrayList<>(List.of(loops));
		closeInOrder.add(stopProxy);
		closeInOrder.add(context);
		return new Peer(endpoint, new ClosingOrder(closeInOrder.toArray(AutoCloseable[]::new)));
	}

	/** A REP socket declared in properties and a {@code @ZmqListener} that returns the request. */
	static Peer starter(Duration work, int concurrency) {
		return starter(work, concurrency, null);
	}

	/** The same, a CURVE server when {@code curve} is given, letting in its client. */
	static Peer starter(Duration work, int concurrency, CurveSetup curve) {
		Map<String, Object> properties = new LinkedHashMap<>(Map.of("zeromq.sockets.rep.type", "REP",
				"zeromq.sockets.rep.bind", RawJeromq.LOOPBACK_ANY_PORT, "zeromq.sockets.rep.send-hwm", HWM,
				"zeromq.sockets.rep.receive-hwm", HWM, "bench.concurrency", concurrency));
		if (curve != null) {
			properties.putAll(curve.serverProperties("rep"));
		}
		StarterApp app = StarterApp.start(properties, Map.of("work", new Work(work)), EchoListener.class);
		return new Peer(app.endpoint("rep"), new ClosingOrder(app));
	}

	static RawLoop.Step echo(Duration work) {
		Work doWork = new Work(work);
		return (socket) -> {
			byte[] request = socket.recv(0);
			if (request == null) {
				return false;
			}
			doWork.run();
			socket.send(request, 0);
			return true;
		};
	}

	/**
	 * Simulated handler work: a wait, as for a database or a remote call (busy work would only
	 * measure the two cores, not what concurrency buys).
	 */
	record Work(Duration duration) implements Runnable {

		@Override
		public void run() {
			if (!this.duration.isZero()) {
				LockSupport.parkNanos(this.duration.toNanos());
			}
		}

	}

	static final class EchoListener {

		private final Work work;

		EchoListener(Work work) {
			this.work = work;
		}

		@ZmqListener(value = "rep", concurrency = "${bench.concurrency}")
		byte[] echo(byte[] request) {
			this.work.run();
			return request;
		}

	}

}
