package org.zeromq.spring.benchmarks.harness.scenarios;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Arrivals;
import org.zeromq.spring.benchmarks.harness.Payload;
import org.zeromq.spring.benchmarks.harness.RawLoop;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.benchmarks.harness.SweepPoint;

/**
 * One point of the fan-in sweep: a number of raw PUSH peers, all connected over tcp to one PULL
 * socket that a {@code @ZmqListener} (starter) or a raw receive loop (raw) serves; 100-byte
 * {@code byte[]} messages. The peers are the same on both sides: raw sockets in one context of
 * their own, fed in turn by the harness thread. One sending thread, because two cores cannot
 * run more senders than that beside the receiver and the two I/O threads; what grows is the
 * number of connections the receiving socket fair-queues over.
 */
final class FanInSweepScenario implements Scenario {

	static final String SWEEP = "sweep fan-in";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	private static final int SEND_TIMEOUT_MILLIS = 30_000;

	private final int peers;

	private final int messages;

	FanInSweepScenario(int peers, int messages) {
		this.peers = peers;
		this.messages = messages;
	}

	@Override
	public String name() {
		return SWEEP + " " + this.peers + " PUSH peers → PULL tcp";
	}

	@Override
	public Optional<SweepPoint> sweepPoint() {
		return Optional.of(new SweepPoint(SWEEP, "connected PUSH peers", this.peers));
	}

	@Override
	public Side open(String side) throws InterruptedException {
		Arrivals arrivals = new Arrivals();
		Peer receiver = side.equals("raw") ? rawReceiver(arrivals) : starterReceiver(arrivals);
		ZContext peerContext = new ZContext();
		ZMQ.Socket[] pushes = new ZMQ.Socket[this.peers];
		for (int i = 0; i < this.peers; i++) {
			pushes[i] = RawJeromq.socket(peerContext, SocketType.PUSH);
			// A PUSH with no live connection blocks its sender: bounded, so a stalled round fails.
			pushes[i].setSendTimeOut(SEND_TIMEOUT_MILLIS);
			pushes[i].connect(receiver.endpoint());
		}
		AutoCloseable closePushes = () -> {
			for (ZMQ.Socket push : pushes) {
				push.close();
			}
		};
		Side opened = new ThroughputSide(this.messages, arrivals, new RoundRobin(pushes), closePushes, peerContext, receiver);
		try {
			awaitEveryPeer(pushes, arrivals);
		}
		catch (RuntimeException | InterruptedException ex) {
			close(opened, ex);
			throw ex;
		}
		return opened;
	}

	/**
	 * One message from each peer, and a wait until all have arrived: every connection is then
	 * up, so the timed rounds do not include connecting (and a connection JeroMQ 0.6.0 stalls,
	 * jeromq#1022, has been remade by the handshake timer).
	 */
	private void awaitEveryPeer(ZMQ.Socket[] pushes, Arrivals arrivals) throws InterruptedException {
		arrivals.expect(pushes.length);
		for (ZMQ.Socket push : pushes) {
			if (!push.send(Payload.BYTES_100, 0)) {
				throw new IllegalStateException("a PUSH peer could not send its first message within " + SEND_TIMEOUT_MILLIS + " ms");
			}
		}
		if (!arrivals.await(CONNECT_TIMEOUT)) {
			throw new IllegalStateException("only " + arrivals.count() + " of " + pushes.length + " peers got a message through within "
					+ CONNECT_TIMEOUT.toSeconds() + " s");
		}
	}

	private static void close(Side side, Exception cause) {
		try {
			side.close();
		}
		catch (Exception ex) {
			cause.addSuppressed(ex);
		}
	}

	private static Peer rawReceiver(Arrivals arrivals) {
		ZContext context = new ZContext();
		ZMQ.Socket pull = RawJeromq.bind(context, SocketType.PULL, RawJeromq.LOOPBACK_ANY_PORT);
		String endpoint = pull.getLastEndpoint();
		RawLoop loop = new RawLoop("raw-pull-fan-in", pull, (socket) -> {
			byte[] frame = socket.recv(0);
			if (frame == null) {
				return false;
			}
			arrivals.arrived(frame.length);
			return true;
		});
		return new Peer(endpoint, new ClosingOrder(loop, context));
	}

	private static Peer starterReceiver(Arrivals arrivals) {
		StarterApp app = StarterApp.start(Map.of("zeromq.sockets.in.type", "PULL", "zeromq.sockets.in.bind",
				RawJeromq.LOOPBACK_ANY_PORT), Map.of("arrivals", arrivals), Sinks.ByteSink.class);
		return new Peer(app.endpoint("in"), new ClosingOrder(app));
	}

	/** Sends each message from the next peer in turn, as many independent senders would share a link. */
	private static final class RoundRobin implements Runnable {

		private final ZMQ.Socket[] pushes;

		private int next;

		RoundRobin(ZMQ.Socket[] pushes) {
			this.pushes = pushes;
		}

		@Override
		public void run() {
			ZMQ.Socket push = this.pushes[this.next];
			this.next = (this.next + 1 == this.pushes.length) ? 0 : this.next + 1;
			if (!push.send(Payload.BYTES_100, 0)) {
				throw new IllegalStateException("a PUSH peer could not send within " + SEND_TIMEOUT_MILLIS + " ms");
			}
		}

	}

}
