package org.zeromq.spring.benchmarks.harness.scenarios;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.benchmarks.harness.Arrivals;
import org.zeromq.spring.benchmarks.harness.Metric;
import org.zeromq.spring.benchmarks.harness.RawLoop;
import org.zeromq.spring.benchmarks.harness.Scenario;
import org.zeromq.spring.benchmarks.harness.Side;
import org.zeromq.spring.benchmarks.harness.StarterApp;
import org.zeromq.spring.benchmarks.harness.SweepPoint;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * One point of the message size sweep: PUSH → PULL over tcp, {@code byte[]} payloads of one size,
 * sender and receiver in applications (contexts) of their own. Raw: a PUSH socket on the harness
 * thread and a PULL receive loop. Starter: {@code ZmqTemplate.send} and a {@code @ZmqListener}.
 * <p>
 * Both sides use the same high-water marks, lowered for large messages so that what the pipes
 * may hold stays near {@link #QUEUED_BYTES}: at the default of 1 000, 1 MB messages could queue
 * a gigabyte on the receiving side alone.
 */
final class MessageSizeSweepScenario implements Scenario {

	static final String SWEEP = "sweep size";

	static final Metric MEGABYTES = new Metric("MB/s", true);

	private static final long QUEUED_BYTES = 64L * 1024 * 1024;

	private static final int DEFAULT_HWM = 1000;

	private final int size;

	private final int messages;

	private final byte[] payload;

	MessageSizeSweepScenario(int size, int messages) {
		this.size = size;
		this.messages = messages;
		this.payload = new byte[size];
		Arrays.fill(this.payload, (byte) 'x');
	}

	@Override
	public String name() {
		return SWEEP + " " + label(this.size) + " PUSH→PULL tcp";
	}

	@Override
	public List<Metric> metrics() {
		return List.of(Metric.THROUGHPUT, MEGABYTES);
	}

	@Override
	public Optional<SweepPoint> sweepPoint() {
		return Optional.of(new SweepPoint(SWEEP, "message size (bytes)", this.size));
	}

	int hwm() {
		return (int) Math.max(1, Math.min(DEFAULT_HWM, QUEUED_BYTES / this.size));
	}

	@Override
	public Side open(String side) {
		Arrivals arrivals = new Arrivals();
		return new MegabytesSide(side.equals("raw") ? raw(arrivals) : starter(arrivals), this.size);
	}

	private Side raw(Arrivals arrivals) {
		ZContext receiverContext = new ZContext();
		ZMQ.Socket pull = RawJeromq.socket(receiverContext, SocketType.PULL, hwm());
		pull.bind(RawJeromq.LOOPBACK_ANY_PORT);
		String endpoint = pull.getLastEndpoint();
		RawLoop receiver = new RawLoop("raw-pull-size", pull, (socket) -> {
			byte[] frame = socket.recv(0);
			if (frame == null) {
				return false;
			}
			arrivals.arrived(frame.length);
			return true;
		});
		ZContext senderContext = new ZContext();
		ZMQ.Socket push = RawJeromq.socket(senderContext, SocketType.PUSH, hwm());
		push.connect(endpoint);
		return new ThroughputSide(this.messages, arrivals, () -> push.send(this.payload, 0), push::close, senderContext,
				receiver, receiverContext);
	}

	private Side starter(Arrivals arrivals) {
		StarterApp receiver = StarterApp.start(Map.of("zeromq.sockets.in.type", "PULL", "zeromq.sockets.in.bind",
				RawJeromq.LOOPBACK_ANY_PORT, "zeromq.sockets.in.receive-hwm", hwm()),
				Map.of("arrivals", arrivals), Sinks.ByteSink.class);
		StarterApp sender = StarterApp.start(Map.of("zeromq.sockets.out.type", "PUSH", "zeromq.sockets.out.connect",
				receiver.endpoint("in"), "zeromq.sockets.out.send-hwm", hwm()),
				Map.of());
		ZmqTemplate template = sender.template();
		return new ThroughputSide(this.messages, arrivals, () -> template.send("out", this.payload), sender, receiver);
	}

	static String label(long bytes) {
		if (bytes >= 1_000_000 && bytes % 1_000_000 == 0) {
			return (bytes / 1_000_000) + " MB";
		}
		if (bytes >= 1_000 && bytes % 1_000 == 0) {
			return (bytes / 1_000) + " KB";
		}
		return bytes + " B";
	}

	/** Adds megabytes per second (10^6 bytes of payload) to a message rate. */
	private record MegabytesSide(Side messages, int size) implements Side {

		@Override
		public double[] runRound() throws Exception {
			double rate = this.messages.runRound()[0];
			return new double[] { rate, rate * this.size / 1e6 };
		}

		@Override
		public long operationsPerRound() {
			return this.messages.operationsPerRound();
		}

		@Override
		public String note() {
			return this.messages.note();
		}

		@Override
		public void close() throws Exception {
			this.messages.close();
		}

	}

}
